package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailComposerTest {

    private static final EmailAddress TO = new EmailAddress("you@example.com");
    private static final String TOKEN = Secrets.newToken();
    private static final String CODE = "Ab3dE5gH7jK9mN1pQ3sT5v";
    private static final URI PAGE = URI.create("https://tokens.example.com/actions/delete-user");
    private static final URI CONFIRMATION =
            URI.create("https://tokens.example.com/actions/delete-user#email_address=you%40example.com&code=" + CODE);

    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from = address("Pkmnapi <noreply@tokens.example.com>");
    private final MailComposer composer = new MailComposer(session, from);

    @Test
    void accessTokenMailIsMultipartAlternativeWithPlainTextAndHtmlInUtf8() throws Exception {
        Mail mail = received(composer.accessToken(TO, TOKEN));

        assertAlternativeOfPlainTextAndHtmlInUtf8(mail);
    }

    @Test
    void deletionCodeMailIsMultipartAlternativeWithPlainTextAndHtmlInUtf8() throws Exception {
        Mail mail = received(composer.deletionCode(TO, CODE, PAGE, Duration.ofHours(1)));

        assertAlternativeOfPlainTextAndHtmlInUtf8(mail);
    }

    @Test
    void accessTokenMailHeaders() throws Exception {
        Mail mail = received(composer.accessToken(TO, TOKEN));

        assertArrayEquals(new Address[] {from}, mail.message.getFrom());
        assertArrayEquals(new Address[] {new InternetAddress("you@example.com")},
                mail.message.getRecipients(Message.RecipientType.TO));
        assertNull(mail.message.getRecipients(Message.RecipientType.CC));
        assertNull(mail.message.getRecipients(Message.RecipientType.BCC));
        assertEquals("Pkmnapi access token", mail.message.getSubject());
        assertNotNull(mail.message.getSentDate());
    }

    @Test
    void deletionCodeMailHeaders() throws Exception {
        Mail mail = received(composer.deletionCode(TO, CODE, PAGE, Duration.ofHours(1)));

        assertArrayEquals(new Address[] {from}, mail.message.getFrom());
        assertArrayEquals(new Address[] {new InternetAddress("you@example.com")},
                mail.message.getRecipients(Message.RecipientType.TO));
        assertEquals("Pkmnapi delete access token", mail.message.getSubject());
        assertNotNull(mail.message.getSentDate());
    }

    @Test
    void accessTokenMailHasTheTokenAndTheHeaderToSendItInBothParts() throws Exception {
        Mail mail = received(composer.accessToken(TO, TOKEN));

        assertTrue(mail.text.contains(TOKEN), mail.text);
        assertTrue(mail.text.contains("Authorization: Bearer " + TOKEN), mail.text);
        assertTrue(mail.html.contains(TOKEN), mail.html);
        assertTrue(mail.html.contains("Authorization: Bearer " + TOKEN), mail.html);
    }

    @Test
    void deletionCodeMailHasTheCodeTheLinkAndTheAddressInBothParts() throws Exception {
        Mail mail = received(composer.deletionCode(TO, CODE, PAGE, Duration.ofHours(1)));
        String escapedLink = CONFIRMATION.toString().replace("&", "&amp;");

        assertTrue(mail.text.contains(CODE), mail.text);
        assertTrue(mail.text.contains(CONFIRMATION.toString()), mail.text);
        assertTrue(mail.text.contains("you@example.com"), mail.text);
        assertTrue(mail.html.contains(CODE), mail.html);
        assertTrue(mail.html.contains("<a href=\"" + escapedLink + "\">" + escapedLink + "</a>"), mail.html);
        assertTrue(mail.html.contains("you@example.com"), mail.html);
    }

    @Test
    void theConfirmationLinkCarriesAddressAndCodeInItsFragmentOnly() {
        URI link = MailComposer.confirmationLink(PAGE, new EmailAddress("a+b@example.com"), CODE);

        // servers and proxies log the query, never the fragment
        assertNull(link.getRawQuery(), link.toString());
        assertEquals("email_address=a%2Bb%40example.com&code=" + CODE, link.getRawFragment());
        assertEquals(PAGE.getRawPath(), link.getRawPath());
    }

    @Test
    void deletionCodeMailEscapesTheLinkInHtmlOnly() throws Exception {
        EmailAddress to = new EmailAddress("a+b_c@example.com");
        URI confirmation = URI.create("https://tokens.example.com/actions/delete-user#email_address=a%2Bb_c%40example.com&code=" + CODE);

        Mail mail = received(composer.deletionCode(to, CODE, PAGE, Duration.ofHours(1)));

        assertArrayEquals(new Address[] {new InternetAddress("a+b_c@example.com")},
                mail.message.getRecipients(Message.RecipientType.TO));
        assertTrue(mail.html.contains("example.com&amp;code=" + CODE), mail.html);
        assertFalse(mail.html.contains("&code="), mail.html);
        assertTrue(mail.text.contains(confirmation.toString()), mail.text);
    }

    @Test
    void accessTokenMailNeverPutsMarkupFromTheTokenIntoHtml() throws Exception {
        Mail mail = received(composer.accessToken(TO, "<script>alert(\"x\")</script>"));

        assertTrue(mail.html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), mail.html);
        assertFalse(mail.html.contains("<script>"), mail.html);
        assertTrue(mail.text.contains("<script>alert(\"x\")</script>"), mail.text);
    }

    @Test
    void accessTokenMailCarriesTheOriginalsLineInBothParts() throws Exception {
        Mail mail = received(composer.accessToken(TO, TOKEN));

        // the original's scripts read the token from this line of the plain part
        assertTrue(mail.text.lines().anyMatch(line -> line.equals("This is your access token: " + TOKEN)), mail.text);
        assertTrue(mail.html.contains("This is your access token: <code style=\"font-size:1.1em\">" + TOKEN + "</code>"),
                mail.html);
    }

    @Test
    void theMailsSayNothingTheRequesterChoseButTheAddress() throws Exception {
        // what a token mail may hold: the fixed text, the token and the address (the only input)
        String fixedToken = received(composer.accessToken(TO, TOKEN)).text.replace(TOKEN, "T");
        String fixedDeletion = received(composer.deletionCode(TO, CODE, PAGE, Duration.ofHours(1))).text
                .replace(CONFIRMATION.toString(), "L").replace(CODE, "C").replace(TO.value(), "A");

        assertEquals(fixedToken, received(composer.accessToken(new EmailAddress("other@example.org"), TOKEN)).text
                .replace(TOKEN, "T"), "the token mail does not depend on the address even");
        assertFalse(fixedDeletion.contains("example"), fixedDeletion);
        assertFalse(fixedDeletion.contains("http"), fixedDeletion);
    }

    @Test
    void deletionCodeMailNeverPutsMarkupFromTheCodeIntoHtml() throws Exception {
        Mail mail = received(composer.deletionCode(TO, "<script>alert('x')</script>", PAGE, Duration.ofHours(1)));

        assertTrue(mail.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), mail.html);
        assertFalse(mail.html.contains("<script>"), mail.html);
    }

    @Test
    void deletionCodeMailStatesTheLifetimeInWords() throws Exception {
        Mail hour = received(composer.deletionCode(TO, CODE, PAGE, Duration.ofHours(1)));
        Mail minutes = received(composer.deletionCode(TO, CODE, PAGE, Duration.ofMinutes(30)));

        assertTrue(hour.text.contains("for 1 hour."), hour.text);
        assertTrue(hour.html.contains("for 1 hour."), hour.html);
        assertTrue(minutes.text.contains("for 30 minutes."), minutes.text);
        assertTrue(minutes.html.contains("for 30 minutes."), minutes.html);
    }

    @ParameterizedTest
    @CsvSource({
            "3600, 1 hour",
            "7200, 2 hours",
            "1800, 30 minutes",
            "60, 1 minute",
            "5400, 90 minutes",
            "90, 90 seconds",
            "1, 1 second",
            "3601, 3601 seconds"})
    void describeSaysTheLifetimeInWords(long seconds, String words) {
        assertEquals(words, MailComposer.describe(Duration.ofSeconds(seconds)));
    }

    private static void assertAlternativeOfPlainTextAndHtmlInUtf8(Mail mail) throws MessagingException {
        assertTrue(mail.message.isMimeType("multipart/alternative"), mail.message.getContentType());
        assertEquals(2, mail.parts.getCount());
        BodyPart plain = mail.parts.getBodyPart(0);
        BodyPart html = mail.parts.getBodyPart(1);
        assertTrue(plain.isMimeType("text/plain"), plain.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertEquals("utf-8", charset(plain));
        assertEquals("utf-8", charset(html));
    }

    private static String charset(BodyPart part) throws MessagingException {
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        return charset == null ? null : charset.toLowerCase();
    }

    /** The message as a mail client sees it: written out and parsed again. */
    private Mail received(MimeMessage sent) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sent.writeTo(bytes);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
        MimeMultipart parts = (MimeMultipart) message.getContent();
        return new Mail(message, parts,
                (String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent());
    }

    private record Mail(MimeMessage message, MimeMultipart parts, String text, String html) {
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException(value, e);
        }
    }
}
