package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The GreenMail server of {@code mvn -Prun} (pom.xml) as a process, on free ports of its own: the
 * relay of the pages' examples (no login), its REST API where they read the mails.
 */
final class GreenMailProcess implements AutoCloseable {

    final int smtpPort;
    final int apiPort;
    private final Process process;

    private GreenMailProcess(int smtpPort, int apiPort, Process process) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    /** Started and answering its REST API, or a failure that names its log. */
    static GreenMailProcess start(Path log) throws Exception {
        int smtpPort = freePort();
        int apiPort = freePort();
        Path jar = Path.of(System.getProperty("payara.microJar")).resolveSibling("greenmail-standalone.jar");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GreenMailProcess greenMail = new GreenMailProcess(smtpPort, apiPort, process);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("GreenMail stopped; see " + log);
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/service/readiness")).build(),
                        BodyHandlers.discarding());
                return greenMail;
            } catch (IOException notListeningYet) {
                Thread.sleep(200);
            }
        }
        greenMail.close();
        throw new AssertionError("GreenMail's REST API did not answer in 60 s; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
