package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Html;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Date;

/**
 * Writes the two mails, each as {@code multipart/alternative} with a plain-text and an HTML part in
 * UTF-8. Every value that goes into the HTML is escaped.
 */
public final class MailComposer {

    // the original's subjects, letter for letter: users' mail filters match on them
    public static final String ACCESS_TOKEN_SUBJECT = "Pkmnapi access token";
    public static final String DELETION_SUBJECT = "Pkmnapi delete access token";

    private final Session session;
    private final InternetAddress from;

    public MailComposer(Session session, InternetAddress from) {
        this.session = session;
        this.from = from;
    }

    /**
     * The token mail. It holds nothing that the requester chose but the address it goes to: a
     * token's name stays out of it, since a name can carry a link or a phone number into a genuine
     * mail from the real sender (any character set wide enough to name tokens can spell
     * "re-verify at corp-sso dot evil dot example"). The original's line
     * {@code This is your access token: <token>} comes first, for the scripts that read tokens
     * out of mail the way the original's users did.
     */
    public MimeMessage accessToken(EmailAddress to, String token) throws MessagingException {
        return accessToken(to, token, List.of());
    }

    /**
     * The token mail of a token bound to services, which it names (service names are lower-case
     * letters, digits, dots and hyphens, at most 63: no sentence fits them), or of a token for every
     * service where {@code audience} is empty.
     */
    public MimeMessage accessToken(EmailAddress to, String token, List<String> audience) throws MessagingException {
        String services = String.join(", ", audience);
        String textAudience = audience.isEmpty() ? "" : "\nIt works only at these services: " + services + ".\n";
        String htmlAudience = audience.isEmpty() ? ""
                : "<p>It works only at these services: <code>" + Html.escape(services) + "</code>.</p>\n";
        String text = """
                This is your access token: %1$s

                Hello,

                here is your pkmnapi access token, asked for with this address. Send it with each \
                request in this header:

                Authorization: Bearer %1$s

                Keep it as secret as a password. Only a digest of it is stored, so it cannot be \
                sent again; ask for a new one if it is lost.
                %2$s
                If you did not ask for a token, you can ignore this mail: nobody else has seen it.
                """.formatted(token, textAudience);
        String html = """
                <p>This is your access token: <code style="font-size:1.1em">%1$s</code></p>
                <p>Hello,</p>
                <p>here is your pkmnapi access token, asked for with this address. Send it with each request \
                in this header:</p>
                <pre>Authorization: Bearer %1$s</pre>
                <p>Keep it as secret as a password. Only a digest of it is stored, so it cannot be sent again; \
                ask for a new one if it is lost.</p>
                %2$s<p>If you did not ask for a token, you can ignore this mail: nobody else has seen it.</p>
                """.formatted(Html.escape(token), htmlAudience);
        return message(to, ACCESS_TOKEN_SUBJECT, text, html);
    }

    /** The deletion mail: like the token mail, nothing in it that the requester chose but the address. */
    public MimeMessage deletionCode(EmailAddress to, String code, URI confirmationPage, Duration lifetime)
            throws MessagingException {
        String validity = describe(lifetime);
        URI confirmation = confirmationLink(confirmationPage, to, code);
        String text = """
                Hello,

                someone, probably you, asked to delete every pkmnapi access token of %1$s.

                To confirm, open this link and press the button on the page:

                %2$s

                Or send this code with DELETE /v1/access_tokens:

                %3$s

                The code works once, for %4$s. If you did not ask for this, ignore this mail: your \
                tokens stay valid.
                """.formatted(to.value(), confirmation, code, validity);
        String html = """
                <p>Hello,</p>
                <p>someone, probably you, asked to delete every pkmnapi access token of %1$s.</p>
                <p>To confirm, open this link and press the button on the page:</p>
                <p><a href="%2$s">%2$s</a></p>
                <p>Or send this code with <code>DELETE /v1/access_tokens</code>:</p>
                <p><code style="font-size:1.1em">%3$s</code></p>
                <p>The code works once, for %4$s. If you did not ask for this, ignore this mail: your tokens \
                stay valid.</p>
                """.formatted(Html.escape(to.value()), Html.escape(confirmation.toString()), Html.escape(code),
                        Html.escape(validity));
        return message(to, DELETION_SUBJECT, text, html);
    }

    private MimeMessage message(EmailAddress to, String subject, String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + html
                + "</body></html>\n", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);

        MimeMessage message = new MimeMessage(session);
        // set here rather than trusting the session: servers disagree on which property carries it
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.value(), true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /**
     * The page's address with the address and the code the page needs, in the fragment: browsers
     * never send it, so the code stays out of server and proxy access logs.
     */
    static URI confirmationLink(URI page, EmailAddress to, String code) {
        return URI.create(page + "#email_address=" + URLEncoder.encode(to.value(), StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    /** "1 hour", "30 minutes", "90 seconds": the code's lifetime in words. */
    static String describe(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
