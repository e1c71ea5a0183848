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
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Writes the two mails, each as {@code multipart/alternative} with a plain-text and an HTML part in
 * UTF-8. Every value that goes into the HTML is escaped.
 */
public final class MailComposer {

    // the original's subjects, letter for letter: users' mail filters match on them
    public static final String ACCESS_TOKEN_SUBJECT = "Pkmnapi access token";
    public static final String DELETION_SUBJECT = "Pkmnapi delete access token";

    /** At most this many token names go into a deletion mail and its link. */
    static final int NAMES_SHOWN = 10;

    private final Session session;
    private final InternetAddress from;

    public MailComposer(Session session, InternetAddress from) {
        this.session = session;
        this.from = from;
    }

    /** @param name the name the owner gave the token, said in the mail where there is one */
    public MimeMessage accessToken(EmailAddress to, String token, Optional<TokenName> name) throws MessagingException {
        String text = """
                Hello,

                here is your pkmnapi access token%2$s:

                %1$s

                Send it with each request in this header:

                Authorization: Bearer %1$s

                Keep it as secret as a password. Only a digest of it is stored, so it cannot be \
                sent again; ask for a new one if it is lost.

                If you did not ask for a token, you can ignore this mail: nobody else has seen it.
                """.formatted(token, name.map(n -> " \"" + n.value() + "\"").orElse(""));
        String html = """
                <p>Hello,</p>
                <p>here is your pkmnapi access token%2$s:</p>
                <p><code style="font-size:1.1em">%1$s</code></p>
                <p>Send it with each request in this header:</p>
                <pre>Authorization: Bearer %1$s</pre>
                <p>Keep it as secret as a password. Only a digest of it is stored, so it cannot be sent again; \
                ask for a new one if it is lost.</p>
                <p>If you did not ask for a token, you can ignore this mail: nobody else has seen it.</p>
                """.formatted(Html.escape(token), name.map(n -> " &ldquo;" + Html.escape(n.value()) + "&rdquo;").orElse(""));
        return message(to, ACCESS_TOKEN_SUBJECT, text, html);
    }

    /**
     * @param tokenNames the names of the tokens the code deletes (those without one aside), said in
     *        the mail and passed to the confirmation page in the link
     */
    public MimeMessage deletionCode(EmailAddress to, String code, List<String> tokenNames, URI confirmationPage,
            Duration lifetime) throws MessagingException {
        String validity = describe(lifetime);
        URI confirmation = confirmationLink(confirmationPage, to, code, tokenNames);
        String named = tokenNames.isEmpty() ? "" : ", among them " + inWords(tokenNames);
        String text = """
                Hello,

                someone, probably you, asked to delete every pkmnapi access token of %1$s%5$s.

                To confirm, open this link and press the button on the page:

                %2$s

                Or send this code with DELETE /v1/access_tokens:

                %3$s

                The code works once, for %4$s. If you did not ask for this, ignore this mail: your \
                tokens stay valid.
                """.formatted(to.value(), confirmation, code, validity, named);
        String html = """
                <p>Hello,</p>
                <p>someone, probably you, asked to delete every pkmnapi access token of %1$s%5$s.</p>
                <p>To confirm, open this link and press the button on the page:</p>
                <p><a href="%2$s">%2$s</a></p>
                <p>Or send this code with <code>DELETE /v1/access_tokens</code>:</p>
                <p><code style="font-size:1.1em">%3$s</code></p>
                <p>The code works once, for %4$s. If you did not ask for this, ignore this mail: your tokens \
                stay valid.</p>
                """.formatted(Html.escape(to.value()), Html.escape(confirmation.toString()), Html.escape(code),
                        Html.escape(validity), Html.escape(named));
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
     * The page's address with the address and the code the page needs, and the first token names
     * for it to show, in the fragment: browsers never send it, so the code stays out of server and
     * proxy access logs.
     */
    static URI confirmationLink(URI page, EmailAddress to, String code, List<String> tokenNames) {
        StringBuilder link = new StringBuilder(page.toString())
                .append("#email_address=").append(URLEncoder.encode(to.value(), StandardCharsets.UTF_8))
                .append("&code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        tokenNames.stream().limit(NAMES_SHOWN)
                .forEach(name -> link.append("&name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8)));
        return URI.create(link.toString());
    }

    /** {@code "a"}, {@code "a" and "b"}, {@code "a", "b" and "c"}; past ten, how many more. */
    static String inWords(List<String> names) {
        List<String> quoted = names.stream().limit(NAMES_SHOWN).map(name -> "\"" + name + "\"").toList();
        if (names.size() > NAMES_SHOWN) {
            return String.join(", ", quoted) + " and " + (names.size() - NAMES_SHOWN) + " more";
        }
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
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
