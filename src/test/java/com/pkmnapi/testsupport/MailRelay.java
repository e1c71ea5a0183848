package com.pkmnapi.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP relay (GreenMail) with a login, for the servers a test starts itself: they reach it
 * as README's production set-up says, through the {@code PKMNAPI_SMTP_*} settings.
 */
public final class MailRelay implements AutoCloseable {

    private static final String USER = "tokens";
    private static final String PASSWORD = "relay-secret";

    private final GreenMail greenMail;

    private MailRelay(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailRelay start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        greenMail.setUser("tokens@localhost", USER, PASSWORD);
        return new MailRelay(greenMail);
    }

    /** The server's mail settings for this relay. */
    public MicroServer.Builder configure(MicroServer.Builder server) {
        return server.productionMailSessions()
                .environment("PKMNAPI_SMTP_HOST", "127.0.0.1")
                .environment("PKMNAPI_SMTP_PORT", String.valueOf(greenMail.getSmtp().getPort()))
                .environment("PKMNAPI_SMTP_USER", USER)
                .environment("PKMNAPI_SMTP_PASSWORD", PASSWORD)
                .environment("PKMNAPI_SMTP_TLS", "none")
                .environment("PKMNAPI_MAIL_FROM", "pkmnapi <tokens@localhost>");
    }

    /** The mails it received for the address (case-insensitive), in the order they came. */
    public List<MimeMessage> mailsTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.toString(mail.getAllRecipients()).toLowerCase(Locale.ROOT).contains(wanted);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
