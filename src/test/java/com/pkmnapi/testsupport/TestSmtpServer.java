package com.pkmnapi.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.pkmnapi.testsupport.container.TestPorts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP (and POP3) server, GreenMail, in the test JVM, where the server under test sends its
 * mails. {@link Deployments} starts it, once per JVM: the deployment is made on the client side
 * only, before any test runs, also for tests that run inside the server (a JUnit extension would
 * run in the server too, where the ports are taken).
 */
public final class TestSmtpServer {

    private static GreenMail greenMail;

    private TestSmtpServer() {
    }

    static synchronized void ensureStarted() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(TestPorts.POP3, "127.0.0.1", ServerSetup.PROTOCOL_POP3)
            });
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
    }

    /** Every mail received for the address so far, oldest first. */
    public static synchronized List<MimeMessage> mailsTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> recipients(message).contains(wanted))
                .toList();
    }

    /**
     * The mails to the address once there are at least {@code count}, waiting for up to 15 s:
     * deletion mails are sent after the request has been answered.
     */
    public static List<MimeMessage> awaitMailsTo(String address, int count) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<MimeMessage> mails = mailsTo(address);
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " mails to " + address + " expected, " + mails.size() + " arrived");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            mails = mailsTo(address);
        }
        return mails;
    }

    /** Stops the SMTP server, as if it were down, until {@link #start()}. */
    public static synchronized void stop() {
        greenMail.stop();
    }

    public static synchronized void start() {
        greenMail.start();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients()).toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
