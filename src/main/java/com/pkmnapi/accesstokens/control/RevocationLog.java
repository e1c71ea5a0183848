package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.Revocation;
import com.pkmnapi.platform.DatabaseHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries revocations to every server of a cluster through the shared database. Each revocation
 * is written, in the revoking transaction, to a small table; before a server trusts a token from
 * its {@link TokenCache}, it has read that table within {@code pkmnapi.revocation.delay.millis}
 * (one query for the revocations since its last read, less a minute for clocks and commits that
 * come late) and forgotten the tokens it lists. So a token revoked on one server is refused on
 * every other within that delay, while the cache still spares each check its own query. No
 * cluster protocol: the same tables on every database, any number of servers.
 */
@ApplicationScoped
public class RevocationLog {

    private static final Logger LOG = Logger.getLogger(RevocationLog.class.getName());
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    /** Clocks of the servers and commits that come late: a read looks this far back. */
    static final Duration SLACK = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenManager tokens;

    @Inject
    TokenCache cache;

    @Inject
    TokenPolicy policy;

    @Inject
    DatabaseHealth database;

    @Inject
    Clock clock;

    private final ReentrantLock reading = new ReentrantLock();
    /** When the last successful read began: the next reads from there (less the slack). */
    private volatile Instant lastRead;
    /** When the last read began, successful or not: at most one a delay. */
    private volatile Instant lastTried;
    private volatile Instant lastWarning = Instant.MIN;
    /** The revocations read within the slack, by id, and when they were made: each is applied once. */
    private final Map<String, Instant> applied = new ConcurrentHashMap<>();

    /** Writes the revocation in the revoking transaction, for the other servers. */
    void record(@Observes TokensRevoked revoked) {
        em.persist(new Revocation(clock.instant(), revoked.tokenId(), revoked.emailAddress()));
    }

    /**
     * Makes sure the revocations of every server up to the delay ago are applied to the cache: reads
     * them where the last read began longer ago than that. While the database is down there is
     * nothing new to read (no revocation can be recorded). A read that fails never fails the
     * check that asked for it: the cache's own time bounds what it trusts meanwhile, and the next
     * read is tried a delay later (a failure that is not an outage is logged, once a minute).
     */
    void catchUp(Instant now) {
        if (isRecent(lastTried, now)) {
            return;
        }
        reading.lock();
        try {
            Instant read = lastRead;
            if (isRecent(lastTried, now) || database.isDown()) {
                return;
            }
            Instant started = clock.instant();
            lastTried = started;
            Instant since = (read == null ? started : read).minus(SLACK);
            List<Revocation> revocations = tokens.revocationsSince(since);
            for (Revocation revocation : revocations) {
                if (applied.putIfAbsent(revocation.id(), revocation.dateRevoked()) == null) {
                    cache.revoked(new TokensRevoked(revocation.tokenId(), revocation.emailAddress()));
                }
            }
            applied.values().removeIf(when -> when.isBefore(since));
            database.reached(started);
            lastRead = started;
        } catch (RuntimeException e) {
            if (!database.explains(e) && now.isAfter(lastWarning.plus(WARNING_INTERVAL))) {
                lastWarning = now;
                LOG.log(Level.WARNING, "The revocation log could not be read; cached tokens are trusted for their"
                        + " cache time until it can", e);
            }
        } finally {
            reading.unlock();
        }
    }

    private boolean isRecent(Instant read, Instant now) {
        return read != null && now.isBefore(read.plus(policy.revocationDelay()));
    }
}
