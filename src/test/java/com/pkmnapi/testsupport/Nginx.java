package com.pkmnapi.testsupport;

import com.pkmnapi.platform.ClasspathText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx, run by a test as an ordinary process: its configuration, pid, logs and temporary
 * files in a folder of its own under target/, listening on a free loopback port. A test that uses
 * it says so with {@code @SystemPrograms.Require(NGINX)}: skipped where nginx is missing.
 */
public final class Nginx implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final URI base;

    private Nginx(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Starts nginx with the configuration from the class path resource, after filling in
     * {@code @DIR@}, {@code @PORT@} and the given placeholders, and waits until it listens.
     *
     * @param files more files to create in its folder, by relative path (a page to serve)
     */
    public static Nginx start(String configResource, Map<String, String> placeholders, Map<String, String> files)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("it.tmp.dir", "target"), "nginx", UUID.randomUUID().toString())
                .toAbsolutePath();
        Files.createDirectories(dir.resolve("temp"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        int port = freePort();
        // not a port the caller picked for another server of the configuration a moment ago
        while (placeholders.containsValue("127.0.0.1:" + port)) {
            port = freePort();
        }
        String config = ClasspathText.read(Nginx.class, "/" + configResource).replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(port));
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            config = config.replace("@" + placeholder.getKey() + "@", placeholder.getValue());
        }
        Path configFile = Files.writeString(dir.resolve("nginx.conf"), config);

        String binary = System.getProperty("it.nginx", "/usr/sbin/nginx");
        // -e: the error log from the first line on, before the configuration names its own.
        Process process = new ProcessBuilder(binary, "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile())
                .start();
        Nginx nginx = new Nginx(dir, process, port);
        // Should the test JVM end without closing it, nginx goes too.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        LocalProcesses.awaitListening(process, port, "nginx", dir);
        return nginx;
    }

    public URI base() {
        return base;
    }

    /** Stops nginx by the pid in its pid file (a fast shutdown), and waits until it has gone. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path pidFile = dir.resolve("nginx.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } else {
            process.destroy();
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What nginx wrote to its console and error log, for a failing test's message. */
    public String log() throws IOException {
        return LocalProcesses.log(dir);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
