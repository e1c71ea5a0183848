import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.accesstokens.control.MailComposer;
import com.pkmnapi.accesstokens.control.Secrets;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMTP ceiling of the benchmark: how many token mails per second the SMTP server takes from a
 * plain Jakarta Mail client, with the service's own composer, one connection per mail as the
 * service sends them, at the given concurrency. Issuance can at best come near this. For the
 * benchmark only.
 *
 * java -cp target/classes:<Jakarta Mail jars> SmtpCeiling.java <host> <port> <threads> <seconds> [<warm-up seconds> [<SMTP server's process id>]]
 *
 * prints the mails per second of the measured seconds, the number of mails that failed (the
 * warm-up's mails are not counted), and the processor time per mail of the measured seconds in
 * milliseconds: this client's, and the SMTP server's where its process id is given (Linux /proc;
 * else -1).
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
        long serverPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        send(composer, run + "-warm", threads, warmUpSeconds);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long clientCpu = os.getProcessCpuTime();
        long serverCpu = cpuNanos(serverPid);
        long[] sentAndFailed = send(composer, run, threads, seconds);
        double mails = Math.max(1, sentAndFailed[0]);
        double clientMs = (os.getProcessCpuTime() - clientCpu) / 1e6 / mails;
        double serverMs = serverPid < 0 ? -1 : (cpuNanos(serverPid) - serverCpu) / 1e6 / mails;
        System.out.printf("%.1f %d %.2f %.2f%n", sentAndFailed[0] / (double) seconds, sentAndFailed[1], clientMs, serverMs);
    }

    /** The processor time a process has used so far (user and system), from Linux's /proc. */
    private static long cpuNanos(long pid) throws java.io.IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; in ticks of 10 ms
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
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
                        Transport.send(composer.accessToken(to, Secrets.newToken()));
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
