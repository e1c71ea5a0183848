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
 * request's.
 *
 * <p>What a client can repeat without limit is counted in memory per kind, outcome, client,
 * address and minute, so that a flood writes a handful of rows and lines, not one each:
 * <ul>
 * <li>a refusal ({@link #refused}): the first of its minute is stored at once, so that the owner
 *     sees it in {@code /events} straight away; once the minute has ended, that same event is
 *     given the minute's count (one update, one more log line with the same id) where there were
 *     more;</li>
 * <li>a failed token check ({@link #failedCheck}): stored once the minute has ended, as one event
 *     with its count, so that a check costs no database work for the record.</li>
 * </ul>
 * The last minute's are stored when the application stops ({@link CountedEventsAtUndeploy}).
 * The counts are kept apart for at most {@value #MAX_COUNTED_KEYS} keys; past them a new one is
 * counted without its client and address.
 */
@ApplicationScoped
public class Audit {

    public static final String LOGGER = "pkmnapi.audit";
    /** Keys (kind, outcome, client, address, minute) kept apart at most; beyond them new ones lose client and address. */
    static final int MAX_COUNTED_KEYS = 10_000;
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
     * The counts; an adder each, so that a flood from one client does not queue on one lock. A
     * minute's counts are stored seconds after it ends, when nothing counts toward it any more.
     */
    private final Map<Counted, Tally> counted = new ConcurrentHashMap<>();

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
     * A request the per-client limit refused, counted where its endpoint names an audit kind as
     * its refusal. The body was not read: the event has no address.
     */
    void rateLimited(@Observes RateLimitRefused refused) {
        AuditKind.of(refused.refusal()).ifPresent(kind -> refused(kind, AuditOutcome.RATE_LIMITED, null));
    }

    /**
     * Counts a refusal of the current request: the first of its kind, outcome, client and address
     * in a minute is stored at once, the rest are counted into it once the minute has ended.
     *
     * @param emailAddress the normalized address, or null where none is known
     */
    public void refused(AuditKind kind, Outcome outcome, String emailAddress) {
        Instant now = clock.instant();
        Counted key = key(now, kind, outcome, emailAddress);
        Tally tally = counted.get(key);
        if (tally == null) {
            AuditEvent first = new AuditEvent(now, kind.id(), outcome.id(), null, key.emailAddress(), key.client(), 1);
            tally = counted.putIfAbsent(key, Tally.of(first));
            if (tally == null) {
                save(List.of(first));
                return;
            }
        }
        tally.count().increment();
    }

    /** Counts a failed token check of the current request's client; stored once the minute has ended. */
    public void failedCheck(Outcome outcome) {
        Counted key = key(clock.instant(), AuditKind.TOKEN_CHECK_FAILED, outcome, null);
        Tally tally = counted.get(key);
        if (tally == null) {
            tally = counted.computeIfAbsent(key, absent -> Tally.empty());
        }
        tally.count().increment();
    }

    private Counted key(Instant now, AuditKind kind, Outcome outcome, String emailAddress) {
        Counted key = new Counted(now.truncatedTo(ChronoUnit.MINUTES), kind, outcome, clientAddress(), emailAddress);
        if (counted.size() >= MAX_COUNTED_KEYS && !counted.containsKey(key)) {
            return new Counted(key.minute(), kind, outcome, null, null);
        }
        return key;
    }

    /** Stores the counts of the minutes that ended by {@code now}: new events, and refusals recounted. */
    public void storeCounted(Instant now) {
        List<AuditEvent> fresh = new ArrayList<>();
        List<AuditEvent> recounted = new ArrayList<>();
        takeCounted(now, fresh, recounted);
        if (!fresh.isEmpty()) {
            save(fresh);
        }
        if (!recounted.isEmpty()) {
            try {
                store.recount(recounted);
            } catch (EJBException e) {
                recounted.forEach(event -> LOG.log(Level.WARNING, e, () -> "Audit count not stored, only logged: " + line(event)));
            }
        }
    }

    /**
     * The counts of the minutes that ended by {@code now}, no longer counted here: failed checks
     * as new events into {@code fresh}, refusals that happened more than once as their first
     * event with the minute's count into {@code recounted}.
     */
    void takeCounted(Instant now, List<AuditEvent> fresh, List<AuditEvent> recounted) {
        for (Counted key : List.copyOf(counted.keySet())) {
            if (!key.minute().plus(MINUTE).isAfter(now)) {
                Tally tally = counted.remove(key);
                if (tally == null) {
                    continue;
                }
                int count = (int) Math.min(tally.count().sum(), Integer.MAX_VALUE);
                if (tally.first() == null) {
                    fresh.add(new AuditEvent(key.minute(), key.kind().id(), key.outcome().id(), null, key.emailAddress(),
                            key.client(), count));
                } else if (count > 1) {
                    tally.first().recount(count);
                    recounted.add(tally.first());
                }
            }
        }
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

    private record Counted(Instant minute, AuditKind kind, Outcome outcome, String client, String emailAddress) {
    }

    /** A key's count; for a refusal, with its first event, stored already and counted. */
    private record Tally(AuditEvent first, LongAdder count) {

        static Tally of(AuditEvent first) {
            Tally tally = new Tally(first, new LongAdder());
            tally.count().increment();
            return tally;
        }

        static Tally empty() {
            return new Tally(null, new LongAdder());
        }
    }
}
