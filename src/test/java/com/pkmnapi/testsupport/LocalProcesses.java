package com.pkmnapi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** What the tests' own server processes (nginx, httpd) share: waiting for a port, their logs. */
final class LocalProcesses {

    private LocalProcesses() {
    }

    /**
     * Waits until something listens on the loopback port, for up to 15 s; where the process ends
     * or the time runs out first, stops it and fails with its logs.
     */
    static void awaitListening(Process process, int port, String name, Path dir) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped at start: " + log(dir));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on " + port + " within 15 s: " + log(dir));
    }

    /** What the process wrote to console.log and error.log in its folder, for a failing test's message. */
    static String log(Path dir) {
        try {
            Path errors = dir.resolve("error.log");
            return Files.readString(dir.resolve("console.log")) + (Files.exists(errors) ? Files.readString(errors) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
