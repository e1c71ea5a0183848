package com.pkmnapi.testsupport;

import com.pkmnapi.platform.ClasspathText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Apache httpd, run by a test as an ordinary process in the foreground: its configuration,
 * pid and logs in a folder of its own under target/, listening on a free loopback port, with
 * Debian's modules. A test that uses it says so with
 * {@code @SystemPrograms.Require(APACHE_OAUTH2)}: skipped where httpd or mod_oauth2 is missing.
 */
public final class ApacheHttpd implements AutoCloseable {

    /** Where Debian's packages put httpd's modules. */
    static final String MODULES = "/usr/lib/apache2/modules";

    private final Path dir;
    private final Process process;
    private final URI base;

    private ApacheHttpd(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Starts httpd with the configuration from the class path resource, after filling in
     * {@code @DIR@}, {@code @PORT@} and the given placeholders, and waits until it listens.
     */
    public static ApacheHttpd start(String configResource, Map<String, String> placeholders)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("it.tmp.dir", "target"), "apache", UUID.randomUUID().toString())
                .toAbsolutePath();
        Files.createDirectories(dir);
        int port = Nginx.freePort();
        String config = ClasspathText.read(ApacheHttpd.class, "/" + configResource)
                .replace("@DIR@", dir.toString())
                .replace("@PORT@", Integer.toString(port));
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            config = config.replace("@" + placeholder.getKey() + "@", placeholder.getValue());
        }
        Path configFile = Files.writeString(dir.resolve("httpd.conf"), config);
        String binary = System.getProperty("it.apache2", "/usr/sbin/apache2");
        Process process = new ProcessBuilder(binary, "-f", configFile.toString(), "-DFOREGROUND")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile())
                .start();
        ApacheHttpd httpd = new ApacheHttpd(dir, process, port);
        // Should the test JVM end without closing it, httpd goes too.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        LocalProcesses.awaitListening(process, port, "httpd", dir);
        return httpd;
    }

    public URI base() {
        return base;
    }

    /** Stops httpd (the process this started: SIGTERM stops it and its children), and waits until it has gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What httpd wrote to its console and error log, for a failing test's message. */
    public String log() throws IOException {
        return LocalProcesses.log(dir);
    }
}
