package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.SlowSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production script server-config/payara/post-boot-commands.asadmin on a real Payara Micro,
 * one boot per case, against a real relay in this JVM: by default nothing goes to a relay that
 * offers no STARTTLS, which is what whoever strips it in between would look like; {@code tls}
 * delivers over SMTPS with a certificate made for 127.0.0.1 (GreenMail); {@code none} delivers in
 * clear text to a relay that offers a login, and logs in exactly where PKMNAPI_SMTP_USER is set, as
 * an intranet relay without login needs. Not Arquillian: the script reads the server's environment,
 * which the managed container cannot set.
 */
class PayaraMailScriptIT {

    private static final Path WORK = Path.of(System.getProperty("it.tmp.dir", "target"), "payara-mail-script");
    private static final String STORE_PASSWORD = "changeit";
    private static final String USER = "tokens";
    private static final String PASSWORD = "relay-secret";

    private static GreenMail relay;

    static Stream<Arguments> modes() {
        return Stream.of(
            Arguments.of(null, false, false),
            Arguments.of("tls", true, true));
    }

    @BeforeAll
    static void startRelay() throws Exception {
        Files.createDirectories(WORK);
        Path keyStore = WORK.resolve("relay.p12");
        Path certificate = WORK.resolve("relay.crt");
        Path trustStore = WORK.resolve("trust.p12");
        for (Path file : List.of(keyStore, certificate, trustStore)) {
            Files.deleteIfExists(file);
        }
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "relay", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "relay", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
        // GreenMail's SMTPS server reads its key from these when it starts
        System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        relay = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()
        });
        relay.start();
        relay.setUser(USER + "@localhost", USER, PASSWORD);
    }

    @AfterAll
    static void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
    }

    @ParameterizedTest(name = "PKMNAPI_SMTP_TLS={0}, relay speaks SMTPS: {1}")
    @MethodSource("modes")
    void sendsOnlyOverTheConnectionTheModeAsksFor(String mode, boolean smtps, boolean delivered) throws Exception {
        int relayPort = smtps ? relay.getSmtps().getPort() : relay.getSmtp().getPort();
        String name = mode == null ? "default" : mode;
        String address = Addresses.fresh("relay-" + name);

        try (PayaraMicro server = PayaraMicro.start(name, mode, relayPort, true)) {
            HttpResponse<String> response = server.api().requestToken(address);

            if (delivered) {
                assertEquals(201, response.statusCode(), response.body());
                assertEquals(1, mailsTo(address), "one mail");
            } else {
                assertError(response, 503, "error_access_tokens_email");
                assertEquals(0, mailsTo(address), "no mail");
                assertTrue(log(name).contains("STARTTLS is required but host does not support STARTTLS"),
                        "the server says why");
            }
        }
    }

    /**
     * PKMNAPI_SMTP_TLS=none (no TLS at all) to a relay that offers a login and takes mail without
     * one too: the session logs in exactly where PKMNAPI_SMTP_USER is set.
     */
    @ParameterizedTest(name = "PKMNAPI_SMTP_USER set: {0}")
    @ValueSource(booleans = {true, false})
    void logsInOnlyWithAUser(boolean login) throws Exception {
        SlowSmtpServer relayOfferingLogin = SlowSmtpServer.startOnFreePort();
        relayOfferingLogin.offerLogin();
        String name = login ? "none" : "none-no-login";
        String address = Addresses.fresh("relay-" + name);
        try (PayaraMicro server = PayaraMicro.start(name, "none", relayOfferingLogin.port(), login)) {
            HttpResponse<String> response = server.api().requestToken(address);

            assertEquals(201, response.statusCode(), response.body());
            assertEquals(1, relayOfferingLogin.messagesTo(address).size(), "one mail");
            List<String> commands = relayOfferingLogin.commands();
            assertTrue(commands.contains("EHLO"), "asked for the relay's extensions: " + commands);
            assertEquals(login, commands.contains("AUTH"), "logged in: " + commands);
        } finally {
            relayOfferingLogin.down();
        }
    }

    private static int mailsTo(String address) {
        return (int) Arrays.stream(relay.getReceivedMessages()).filter(mail -> isTo(mail, address)).count();
    }

    private static boolean isTo(Message mail, String address) {
        try {
            return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Payara Micro as the README starts it, with the mail settings in its environment. */
    private record PayaraMicro(Process process, Api api) implements AutoCloseable {

        static PayaraMicro start(String name, String mode, int relayPort, boolean login) throws Exception {
            Path preboot = Path.of(System.getProperty("it.micro.preboot", "server-config/payara/micro-defaults.asadmin"));
            Path postboot = preboot.resolveSibling("post-boot-commands.asadmin");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + System.getProperty("it.tmp.dir", "target"),
                    // the JVM's trust store, where an operator adds a private relay's CA: not the script's business
                    "-Djavax.net.ssl.trustStore=" + WORK.resolve("trust.p12"),
                    "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD,
                    "-jar", System.getProperty("payara.microJar"), "--nocluster", "--port", String.valueOf(port),
                    "--prebootcommandfile", preboot.toString(), "--postbootcommandfile", postboot.toString(),
                    "--contextroot", "/", "--deploy", System.getProperty("it.war", "target/pkmnapi.war"))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile(name).toFile());
            Map<String, String> environment = builder.environment();
            environment.put("PKMNAPI_SMTP_HOST", "127.0.0.1");
            environment.put("PKMNAPI_SMTP_PORT", String.valueOf(relayPort));
            environment.remove("PKMNAPI_SMTP_USER");
            environment.remove("PKMNAPI_SMTP_PASSWORD");
            if (login) {
                environment.put("PKMNAPI_SMTP_USER", USER);
                environment.put("PKMNAPI_SMTP_PASSWORD", PASSWORD);
            }
            environment.put("PKMNAPI_MAIL_FROM", "pkmnapi <tokens@localhost>");
            environment.put("PKMNAPI_DATABASE_DIR", System.getProperty("it.database.dir", "target/it-database/derby")
                    + "-mail-script-" + name);
            environment.remove("PKMNAPI_SMTP_TLS");
            if (mode != null) {
                environment.put("PKMNAPI_SMTP_TLS", mode);
            }
            PayaraMicro server = new PayaraMicro(builder.start(), new Api(new URL("http://127.0.0.1:" + port + "/")));
            try {
                server.awaitHealth(name);
            } catch (Exception | AssertionError e) {
                server.close();
                throw e;
            }
            return server;
        }

        private void awaitHealth(String name) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("Payara Micro stopped; see " + logFile(name));
                }
                try {
                    if (api.send("GET", "v1/health", BodyPublishers.noBody()).statusCode() == 200) {
                        return;
                    }
                } catch (UncheckedIOException notListeningYet) {
                    // booting
                }
                Thread.sleep(500);
            }
            fail("Payara Micro did not answer /v1/health in 240 s; see " + logFile(name));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Path logFile(String name) {
        return WORK.resolve("payara-micro-" + name + ".log");
    }

    private static String log(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void keytool(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("keytool.log").toFile()).start();
        assertEquals(0, keytool.waitFor(), "keytool " + arguments[0] + "; see " + WORK.resolve("keytool.log"));
    }
}
