package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.pkmnapi.testsupport.MicroServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the shell examples of the front page and of the API page, in order, in one bash per page,
 * against the WAR served as {@code mvn -Prun} serves it (Payara Micro, the embedded Derby, a
 * GreenMail process whose REST API reads the mails), and compares what each prints with what the
 * page shows after it (the convention is in src/site/markdown/tests.md). The pages say
 * http://localhost:8080, http://127.0.0.1:8095 and addresses at example.com; here those are
 * replaced, in the commands and in the answers alike, by this run's ports and by a domain of this
 * run's own, so that no re-send window of another run gets in the way.
 */
class DocExamplesIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path WORK = Path.of(System.getProperty("it.tmp.dir", "target"), "doc-examples");
    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(60);
    private static final String DONE = "@@doc-example-done@@";

    private static Process greenMail;
    private static MicroServer server;
    private static int httpPort;
    private static int mailApiPort;

    @BeforeAll
    static void startTheDefaultRun() throws Exception {
        Files.createDirectories(WORK);
        int smtpPort = freePort();
        mailApiPort = freePort();
        // the GreenMail server of mvn -Prun (pom.xml), on ports of this run's own
        Path greenMailJar = Path.of(System.getProperty("payara.microJar")).resolveSibling("greenmail-standalone.jar");
        greenMail = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + mailApiPort, "-jar", greenMailJar.toString())
                .redirectErrorStream(true).redirectOutput(WORK.resolve("greenmail.log").toFile()).start();
        awaitMailApi();
        // The WAR's own mail session sends to 127.0.0.1:3025, where a developer's mvn -Prun may be
        // listening: the production script's session without TLS points at this run's GreenMail.
        server = MicroServer.named("doc-examples", WORK)
                .productionMailSessions()
                .environment("PKMNAPI_SMTP_HOST", "127.0.0.1")
                .environment("PKMNAPI_SMTP_PORT", String.valueOf(smtpPort))
                .environment("PKMNAPI_SMTP_TLS", "none")
                .environment("PKMNAPI_SMTP_USER", null)
                .environment("PKMNAPI_SMTP_PASSWORD", null)
                .environment("PKMNAPI_MAIL_FROM", "Pkmnapi <noreply@localhost>")
                .environment("PKMNAPI_DATABASE_DIR", WORK.resolve("derby-" + UUID.randomUUID()).toString())
                .environment("PKMNAPI_JDBC_URL", null)
                .start();
        httpPort = server.api().base().getPort();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (greenMail != null) {
            greenMail.destroy();
            greenMail.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/site/markdown/api.md"})
    void everyExampleAnswersAsThePageShows(String page) throws Exception {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("http://localhost:8080", "http://localhost:" + httpPort);
        replacements.put("http://127.0.0.1:8095", "http://127.0.0.1:" + mailApiPort);
        replacements.put("example.com", "docs-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        List<DocExamples.Example> examples = DocExamples.of(Files.readString(BASEDIR.resolve(page)), replacements);
        assertFalse(examples.isEmpty(), page + " has no examples");

        Path stderr = WORK.resolve(page.replace('/', '_') + ".stderr");
        Process bash = new ProcessBuilder("bash", "--noprofile", "--norc")
                .redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // bash is gone; the next poll times out
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (Writer in = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8)) {
            for (DocExamples.Example example : examples) {
                String where = page + ", the example at line " + example.line();
                in.write(example.command());
                in.write("\nprintf '\\n" + DONE + " %d\\n' $?\n");
                in.flush();
                StringBuilder output = new StringBuilder();
                int status = awaitDone(lines, output, where);
                assertEquals(0, status, where + " ended with " + status + "; it printed:\n" + output + "see " + stderr);
                if (example.expected().isPresent()) {
                    List<String> differences = DocExamples.differences(example.expected().get(), output.toString());
                    if (!differences.isEmpty()) {
                        fail(where + " answered otherwise than the page shows: " + differences
                                + "\nthe command:\n" + example.command() + "printed:\n" + output);
                    }
                }
            }
        } finally {
            bash.destroy();
            bash.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int awaitDone(BlockingQueue<String> lines, StringBuilder output, String where) throws InterruptedException {
        long deadline = System.nanoTime() + BLOCK_TIMEOUT.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail(where + " did not end within " + BLOCK_TIMEOUT.toSeconds() + " s; it printed:\n" + output);
            }
            if (line.startsWith(DONE)) {
                return Integer.parseInt(line.substring(DONE.length()).strip());
            }
            output.append(line).append('\n');
        }
    }

    private static void awaitMailApi() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!greenMail.isAlive()) {
                fail("GreenMail stopped; see " + WORK.resolve("greenmail.log"));
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mailApiPort + "/api/service/readiness")).build(),
                        BodyHandlers.discarding());
                return;
            } catch (IOException notListeningYet) {
                Thread.sleep(200);
            }
        }
        fail("GreenMail's REST API did not answer in 60 s; see " + WORK.resolve("greenmail.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
