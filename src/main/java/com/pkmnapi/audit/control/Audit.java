package com.pkmnapi.audit.control;

import com.pkmnapi.audit.entity.AuditEvent;
import com.pkmnapi.platform.CurrentClient;
import com.pkmnapi.platform.JsonObjects;
import com.pkmnapi.platform.Outcome;
import com.pkmnapi.platform.RateLimitRefused;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The audit trail's entry point. Each event goes to the table ({@link AuditStore}) and, once
 * stored, as one JSON line to the logger {@value #LOGGER}, for a SIEM. The client is the current
 * request's. Failed token checks are counted in memory per client, minute and outcome and stored
 * once the minute has ended (the last minute's when the application stops, by
 * {@link FailedChecksAtUndeploy}), so that a flood of bad tokens makes a handful of events, and a
 * check costs no database work for the record.
 */
@ApplicationScoped
public class Audit {

    public static final String LOGGER = "pkmnapi.audit";
    /** Client, minute and outcome kept apart at most; beyond them new ones are counted as one client. */
    static final int MAX_FAILED_CHECK_KEYS = 10_000;
    /** The longest client address kept (an IPv6 address with a zone may be longer). */
    static final int CLIENT_ADDRESS_LENGTH = 64;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Inject
    AuditStore store;

    @Inject
    CurrentClient client;

    @Inject
    Clock clock;

    /** The audit trail's settings, once, at start (they are {@link com.pkmnapi.platform.ReadAtStart}). */
    @Produces
    @Singleton
    static AuditSettings settings(Config config) {
        return AuditSettings.from(config);
    }

    /**
     * Counts by client, minute and outcome; an adder, so that a flood of checks from one client
     * does not queue on one lock. A minute's counts are stored seconds after it ends, when no
     * check counts toward it any more.
     */
    private final Map<FailedChecks, LongAdder> failedChecks = new ConcurrentHashMap<>();

    /**
     * Records an event of the current request.
     *
     * @param tokenId the token's public id, or null
     * @param emailAddress the normalized address, or null where none is known
     */
    public void record(AuditKind kind, Outcome outcome, String tokenId, String emailAddress) {
        save(List.of(new AuditEvent(clock.instant(), kind.id(), outcome.id(), tokenId, emailAddress, clientAddress(), 1)));
    }

    /**
     * A request the per-client limit refused, recorded where its endpoint names an audit kind as
     * its refusal. The body was not read: the event has no address.
     */
    void rateLimited(@Observes RateLimitRefused refused) {
        AuditKind.of(refused.refusal()).ifPresent(kind -> record(kind, AuditOutcome.RATE_LIMITED, null, null));
    }

    /** Counts a failed token check of the current request's client. */
    public void failedCheck(Outcome outcome) {
        FailedChecks key = new FailedChecks(clock.instant().truncatedTo(ChronoUnit.MINUTES), clientAddress(), outcome);
        if (failedChecks.size() >= MAX_FAILED_CHECK_KEYS && !failedChecks.containsKey(key)) {
            key = new FailedChecks(key.minute(), null, key.outcome());
        }
        failedChecks.computeIfAbsent(key, counted -> new LongAdder()).increment();
    }

    /** Stores the counts of failed checks of the minutes that ended by {@code now}. */
    public void storeFailedChecks(Instant now) {
        List<AuditEvent> events = takeFailedChecks(now);
        if (!events.isEmpty()) {
            save(events);
        }
    }

    /** The counts of the minutes that ended by {@code now}, as events, no longer counted here. */
    List<AuditEvent> takeFailedChecks(Instant now) {
        List<AuditEvent> events = new ArrayList<>();
        for (FailedChecks key : List.copyOf(failedChecks.keySet())) {
            if (!key.minute().plus(MINUTE).isAfter(now)) {
                LongAdder count = failedChecks.remove(key);
                if (count != null) {
                    events.add(new AuditEvent(key.minute(), AuditKind.TOKEN_CHECK_FAILED.id(), key.outcome().id(), null, null,
                            key.client(), (int) Math.min(count.sum(), Integer.MAX_VALUE)));
                }
            }
        }
        return events;
    }

    /**
     * Stores the events, or where the database refuses them, writes their lines to the log with a
     * warning: the answer to the request stands (a token that was mailed was mailed).
     */
    private void save(List<AuditEvent> events) {
        try {
            store.save(events);
        } catch (EJBException e) {
            events.forEach(event -> LOG.log(Level.WARNING, e, () -> "Audit event not stored, only logged: " + line(event)));
        }
    }

    /** The address's events, newest first: {@code limit} at most, before the event {@code before} if given. */
    public List<AuditEvent> eventsOf(String emailAddress, Optional<String> before, int limit) {
        return store.eventsOf(emailAddress, before, limit);
    }

    /** The log line of an event, once it is stored. */
    void log(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        LOG.info(() -> line(event));
    }

    /** One JSON object: id, time, kind, outcome, token_id, email_address, client_address, occurrences. */
    static String line(AuditEvent event) {
        JsonObjectBuilder line = JsonObjects.builder()
                .add("id", event.id())
                .add("time", DateTimeFormatter.ISO_INSTANT.format(event.dateEvent()))
                .add("kind", event.kind())
                .add("outcome", event.outcome());
        JsonObjects.addText(line, "token_id", event.tokenId());
        JsonObjects.addText(line, "email_address", event.emailAddress());
        JsonObjects.addText(line, "client_address", event.clientAddress());
        return line.add("occurrences", event.occurrences()).build().toString();
    }

    private String clientAddress() {
        try {
            String address = client.address();
            return address.length() > CLIENT_ADDRESS_LENGTH ? address.substring(0, CLIENT_ADDRESS_LENGTH) : address;
        } catch (ContextNotActiveException e) {
            // no request: a timer's or a background task's event
            return null;
        }
    }

    private record FailedChecks(Instant minute, String client, Outcome outcome) {
    }
}
