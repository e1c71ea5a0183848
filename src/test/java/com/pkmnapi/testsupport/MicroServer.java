package com.pkmnapi.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process started as README says (the production scripts, settings in its
 * environment, a JDBC driver with {@code --addlibs}), for the tests that Arquillian's managed
 * container cannot run: several servers at once, or a server on a database the test prepared.
 */
public final class MicroServer implements AutoCloseable {

    private static final Duration BOOT = Duration.ofSeconds(240);

    private final Process process;
    private final Api api;
    private final Path log;

    private MicroServer(Process process, Api api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** @param name names the server's log file, {@code payara-micro-<name>.log} in the work folder */
    public static Builder named(String name, Path workFolder) {
        return new Builder(name, workFolder);
    }

    public Api api() {
        return api;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public Path logFile() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    public static final class Builder {

        private final String name;
        private final Path workFolder;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> microOptions = new ArrayList<>();
        /** The development users of the realm (as mvn -Prun has them), then the test's own. */
        private final List<Path> postBoot = new ArrayList<>(List.of(developmentUsers()));

        private Builder(String name, Path workFolder) {
            this.name = name;
            this.workFolder = workFolder;
        }

        /** Sets a variable of the server's environment; null removes one the test JVM has. */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** The production mail script, server-config/payara/post-boot-commands.asadmin. */
        public Builder productionMailSessions() {
            postBoot.add(preboot().resolveSibling("post-boot-commands.asadmin"));
            return this;
        }

        /** asadmin commands that run after boot, before the WAR is deployed. */
        public Builder postBootCommands(Path file) {
            postBoot.add(file);
            return this;
        }

        /** The JDBC driver of this run's database server (-Ppostgres, -Pmariadb), if there is one. */
        public Builder jdbcDriverOfThisRun() {
            String driver = System.getProperty("it.jdbc.driver");
            if (driver != null && !driver.isBlank()) {
                microOptions.add("--addlibs");
                microOptions.add(driver);
            }
            return this;
        }

        public MicroServer start() throws Exception {
            Files.createDirectories(workFolder);
            Path log = workFolder.resolve("payara-micro-" + name + ".log");
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Djava.io.tmpdir=" + System.getProperty("it.tmp.dir", "target"));
            // the options of Arquillian's servers (pom.xml), then this server's own
            Arrays.stream(System.getProperty("it.server.jvm.options", "").split(" ")).filter(o -> !o.isEmpty()).forEach(command::add);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--nocluster",
                    "--port", String.valueOf(port), "--prebootcommandfile", preboot().toString()));
            command.addAll(List.of("--postbootcommandfile", postBootFile().toString()));
            command.addAll(microOptions);
            command.addAll(List.of("--contextroot", "/", "--deploy", System.getProperty("it.war", "target/pkmnapi.war")));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            environment.forEach((variable, value) -> {
                if (value == null) {
                    builder.environment().remove(variable);
                } else {
                    builder.environment().put(variable, value);
                }
            });
            MicroServer server = new MicroServer(builder.start(), api(port), log);
            try {
                server.awaitHealth();
            } catch (Exception | Error e) {
                // whatever failed, the server this started must not outlive the test
                server.close();
                throw e;
            }
            return server;
        }

        private static Api api(int port) {
            try {
                return new Api(new URL("http://127.0.0.1:" + port + "/"));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Payara Micro runs one post-boot file: the builder's, one after the other. */
        private Path postBootFile() throws IOException {
            Path file = workFolder.resolve("post-boot-" + name + ".asadmin");
            StringBuilder commands = new StringBuilder();
            for (Path each : postBoot) {
                commands.append(Files.readString(each)).append('\n');
            }
            Files.writeString(file, commands);
            return file;
        }

        private static Path developmentUsers() {
            return Path.of(System.getProperty("it.micro.postboot", "src/test/resources/realm/payara-development-users.asadmin"));
        }

        private static Path preboot() {
            return Path.of(System.getProperty("it.micro.preboot", "server-config/payara/micro-defaults.asadmin"));
        }
    }

    private void awaitHealth() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(BOOT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Payara Micro stopped; see " + log);
            }
            if (Files.readString(log).contains("Exception while loading the app")) {
                fail("The WAR did not deploy; see " + log);
            }
            try {
                if (api.probe("v1/health").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // booting
            }
            Thread.sleep(500);
        }
        fail("Payara Micro did not answer /v1/health in " + BOOT.toSeconds() + " s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
