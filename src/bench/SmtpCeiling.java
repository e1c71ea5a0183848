import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.accesstokens.control.MailComposer;
import com.pkmnapi.accesstokens.control.Secrets;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMTP ceiling of the benchmark: how many token mails per second the SMTP server takes from a
 * plain Jakarta Mail client, with the service's own composer, one connection per mail as the
 * service sends them, at the given concurrency. Issuance can at best come near this. For the
 * benchmark only.
 *
 * java -cp target/classes:<Jakarta Mail jars> SmtpCeiling.java <host> <port> <threads> <seconds> [<warm-up seconds>]
 *
 * prints the mails per second of the measured seconds and the number of mails that failed (the
 * warm-up's mails are not counted).
 */
public class SmtpCeiling {

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", args[0]);
        properties.setProperty("mail.smtp.port", args[1]);
        int threads = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        long warmUpSeconds = args.length > 4 ? Long.parseLong(args[4]) : 0;
        MailComposer composer = new MailComposer(Session.getInstance(properties),
                new InternetAddress("Pkmnapi <bench@localhost>"));
        String run = "ceiling-" + System.currentTimeMillis();
        send(composer, run + "-warm", threads, warmUpSeconds);
        long[] sentAndFailed = send(composer, run, threads, seconds);
        System.out.printf("%.1f %d%n", sentAndFailed[0] / (double) seconds, sentAndFailed[1]);
    }

    /** Sends token mails from the given threads for the given time; answers {sent, failed}. */
    private static long[] send(MailComposer composer, String run, int threads, long seconds) throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    try {
                        EmailAddress to = new EmailAddress(run + "-" + thread + "-" + i + "@example.com");
                        Transport.send(composer.accessToken(to, Secrets.newToken(), Optional.empty()));
                        sent.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new long[] {sent.get(), failed.get()};
    }
}
