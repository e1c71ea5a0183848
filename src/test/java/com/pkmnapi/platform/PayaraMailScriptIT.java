package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.MicroServer;
import com.pkmnapi.testsupport.SlowSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

        try (MicroServer server = start(name, mode, relayPort, true)) {
            HttpResponse<String> response = server.api().requestToken(address);

            if (delivered) {
                assertEquals(201, response.statusCode(), response.body());
                assertEquals(1, mailsTo(address), "one mail");
            } else {
                assertError(response, 503, "error_access_tokens_email");
                assertEquals(0, mailsTo(address), "no mail");
                assertTrue(server.log().contains("STARTTLS is required but host does not support STARTTLS"),
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
        try (MicroServer server = start(name, "none", relayOfferingLogin.port(), login)) {
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
    private static MicroServer start(String name, String mode, int relayPort, boolean login) throws Exception {
        return MicroServer.named(name, WORK)
                // the JVM's trust store, where an operator adds a private relay's CA: not the script's business
                .jvmOption("-Djavax.net.ssl.trustStore=" + WORK.resolve("trust.p12"))
                .jvmOption("-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD)
                .productionMailSessions()
                .environment("PKMNAPI_SMTP_HOST", "127.0.0.1")
                .environment("PKMNAPI_SMTP_PORT", String.valueOf(relayPort))
                .environment("PKMNAPI_SMTP_USER", login ? USER : null)
                .environment("PKMNAPI_SMTP_PASSWORD", login ? PASSWORD : null)
                .environment("PKMNAPI_MAIL_FROM", "pkmnapi <tokens@localhost>")
                .environment("PKMNAPI_DATABASE_DIR", System.getProperty("it.database.dir", "target/it-database/derby")
                        + "-mail-script-" + name)
                .environment("PKMNAPI_JDBC_URL", null)
                .environment("PKMNAPI_SMTP_TLS", mode)
                .start();
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
