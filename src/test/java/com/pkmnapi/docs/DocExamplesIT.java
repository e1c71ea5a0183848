package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pkmnapi.testsupport.MicroServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static GreenMailProcess greenMail;
    private static MicroServer server;
    private static int httpPort;

    @BeforeAll
    static void startTheDefaultRun() throws Exception {
        Files.createDirectories(WORK);
        greenMail = GreenMailProcess.start(WORK.resolve("greenmail.log"));
        // The WAR's own mail session sends to 127.0.0.1:3025, where a developer's mvn -Prun may be
        // listening: the production script's session without TLS points at this run's GreenMail.
        server = MicroServer.named("doc-examples", WORK)
                .productionMailSessions()
                .environment("PKMNAPI_SMTP_HOST", "127.0.0.1")
                .environment("PKMNAPI_SMTP_PORT", String.valueOf(greenMail.smtpPort))
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
            greenMail.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/site/markdown/api.md"})
    void everyExampleAnswersAsThePageShows(String page) throws Exception {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("http://localhost:8080", "http://localhost:" + httpPort);
        replacements.put("http://127.0.0.1:8095", "http://127.0.0.1:" + greenMail.apiPort);
        replacements.put("example.com", "docs-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        List<DocExamples.Example> examples = DocExamples.of(Files.readString(BASEDIR.resolve(page)), replacements);
        assertFalse(examples.isEmpty(), page + " has no examples");

        Path stderr = WORK.resolve(page.replace('/', '_') + ".stderr");
        try (PageShell shell = new PageShell(PageShell.bash().redirectError(stderr.toFile()), BLOCK_TIMEOUT)) {
            for (DocExamples.Example example : examples) {
                shell.run(example, page + ", the example at line " + example.line(), List.of(stderr));
            }
        }
    }
}
