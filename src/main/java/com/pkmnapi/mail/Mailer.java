package com.pkmnapi.mail;

import com.pkmnapi.platform.ConfigValues;
import com.pkmnapi.platform.Metrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * Sends mail through the container-managed mail session named by the setting
 * {@code pkmnapi.mail.session}, never inside a transaction. At most
 * {@code pkmnapi.mail.max.in.flight} conversations run at once on this server, each cut off at
 * {@code pkmnapi.mail.timeout.seconds}, so that a slow or silent SMTP server cannot take threads,
 * connections or locks with it. A mail is sent either while the caller waits, in a
 * {@link MailSlot} the caller took where it decided the request, or later, after the caller has
 * answered, with retries. What a mail says is the caller's {@link Composition}. The session is
 * looked up at start, so a wrong name stops the deployment instead of the first request.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    /** The shortest wait before a later mail's first try. */
    static final Duration FIRST_TRY_AFTER = Duration.ofMillis(200);

    @Inject
    Config config;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Metrics metrics;

    private MailSettings settings;
    private Session session;
    private InternetAddress from;
    private Semaphore inFlight;
    private SessionSockets sockets;
    private ServiceFilesOnce serviceFiles;
    /**
     * Cuts conversations off at their deadline: one thread of the container's, made at start, so
     * that a mail's watchdog is a plain timer entry (the managed scheduler would capture the
     * request's context for each).
     */
    private ScheduledThreadPoolExecutor watchdogs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the observer makes the bean, and so its lookup, eager
    }

    @PostConstruct
    void lookUpSession() {
        settings = MailSettings.from(config);
        try {
            session = (Session) new InitialContext().lookup(settings.session());
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("No mail session at " + settings.session()
                    + " (setting " + ConfigValues.describe(MailSettings.SESSION) + ")", e);
        }
        try {
            from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("Setting " + ConfigValues.describe(MailSettings.FROM) + " is not a mail address: "
                    + settings.from(), e);
        }
        sockets = SessionSockets.install(session.getProperties());
        serviceFiles = new ServiceFilesOnce(Thread.currentThread().getContextClassLoader());
        watchdogs = new ScheduledThreadPoolExecutor(1, threads);
        watchdogs.setRemoveOnCancelPolicy(true);
        inFlight = new Semaphore(settings.maxInFlight());
        Gauge.builder("pkmnapi.mails.in.flight", inFlight, slots -> settings.maxInFlight() - slots.availablePermits())
                .description("SMTP conversations this server holds or has reserved a place for")
                .strongReference(true)
                .register(metrics.registry());
    }

    @PreDestroy
    void stop() {
        watchdogs.shutdownNow();
        sockets.close();
    }

    /** A place for one conversation, to be taken where the request is decided. */
    public MailSlot slot() {
        return new MailSlot(inFlight, settings.timeout().toSeconds());
    }

    /**
     * Sends the mail after the caller has answered, each try in a slot of its own, and tries
     * again after each of the {@code pkmnapi.mail.retry.delays.seconds} where the SMTP server
     * refused it, timed out or every place was taken. What the composition holds (a code, say)
     * lives only in this task's memory until then. The first try waits {@link #FIRST_TRY_AFTER}
     * and up to twice as long again, at random: the mail's work (composing it, the conversation,
     * a refusal's warning) then falls on no particular request, not on the answer of the one that
     * asked for it, which it would slow on a busy server, so that its time would tell who got a
     * mail.
     */
    public void sendLater(String kind, Composition composition) {
        long delay = FIRST_TRY_AFTER.toMillis() + ThreadLocalRandom.current().nextLong(2 * FIRST_TRY_AFTER.toMillis());
        scheduler.schedule(() -> executor.execute(() -> tryLater(kind, composition, 0)), delay, TimeUnit.MILLISECONDS);
    }

    private void tryLater(String kind, Composition composition, int attempt) {
        MailSlot slot = slot();
        try {
            slot.take();
            send(kind, composition);
            return;
        } catch (MailBusy | MailNotSent failure) {
            LOG.warning(() -> "Mail (" + kind + "), try " + (attempt + 1) + ": " + failure.detail());
        } finally {
            slot.release();
        }
        List<Duration> delays = settings.retryDelays();
        if (attempt < delays.size()) {
            scheduler.schedule(() -> executor.execute(() -> tryLater(kind, composition, attempt + 1)),
                    delays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } else {
            LOG.warning(() -> "Mail (" + kind + ") given up after " + (attempt + 1) + " tries");
        }
    }

    /**
     * Sends the mail while the caller waits, in the place of a slot the caller has taken: one SMTP
     * conversation under one deadline. A watchdog closes its sockets when the deadline
     * passes, which ends any read or write it is blocked in. Success is the server's acceptance
     * of the message; what happens at QUIT no longer matters. Timed, by kind and outcome, in
     * {@code pkmnapi_mails_seconds} (a histogram).
     *
     * @param kind what the mail is, for the log and the meters ({@code token}, ...)
     * @throws MailNotSent if the SMTP server refused the mail or did not take it by the deadline
     */
    public void send(String kind, Composition composition) {
        Timer.Sample sample = Timer.start(metrics.registry());
        String outcome = "failed";
        SmtpSockets.Conversation conversation = SmtpSockets.begin();
        ScheduledFuture<?> watchdog = watchdogs.schedule(conversation::cutOff,
                settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            serviceFiles.around(() -> {
                MimeMessage message = composition.compose(session, from);
                Transport transport = message.getSession().getTransport(message.getAllRecipients()[0]);
                try {
                    transport.connect();
                    transport.sendMessage(message, message.getAllRecipients());
                } finally {
                    closeQuietly(transport);
                }
            });
            outcome = "sent";
        } catch (MessagingException e) {
            throw new MailNotSent(conversation.wasCutOff()
                    ? "no answer within " + settings.timeout().toSeconds() + " s" : e.getMessage(), e);
        } finally {
            watchdog.cancel(false);
            conversation.close();
            sample.stop(Timer.builder("pkmnapi.mails")
                    .description("SMTP conversations, by kind of mail and outcome")
                    .tag("kind", kind)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(metrics.registry()));
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was taken or refused already; a failed QUIT changes neither
        }
    }

    /** What a mail says: the message, made in the server's session, from the configured sender. */
    @FunctionalInterface
    public interface Composition {
        MimeMessage compose(Session session, InternetAddress from) throws MessagingException;
    }
}
