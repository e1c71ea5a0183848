package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the database can be reached, asked of the database itself: a new connection of its
 * own (not one of the pool's, which may be dead while the database is fine, or the other way
 * round) that must answer {@link Connection#isValid} within a second. At most one such probe a
 * second, whoever asks; meanwhile the last answer stands. An unexpected failure of a request is
 * explained by a probe; one that says the connection was lost ({@link DatabaseFailures}) marks
 * the start of an outage at once. While the database is down, token checks are answered without
 * waiting for the pool, other requests that need it 503, and the log gets one
 * warning a minute with the count of those answers, not a stack trace per request.
 */
@ApplicationScoped
public class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final int PROBE_TIMEOUT_SECONDS = 1;

    @Inject
    Clock clock;

    private final ReentrantLock probing = new ReentrantLock();
    private volatile ConfiguredDataSource direct;
    private volatile Probe last;
    private volatile Instant downSince;
    private volatile Instant lastReached = Instant.MIN;
    private volatile Instant lastWarning = Instant.MIN;
    private final AtomicLong refusedSinceWarning = new AtomicLong();

    /** Whether the database answered the latest probe (made now where the last is over a second old). */
    public boolean isReachable() {
        return probe().reachable();
    }

    /** Whether the database is known to be down: a failure said so and no probe since says otherwise. */
    public boolean isDown() {
        return downSince != null && !probe().reachable();
    }

    /** When the current outage was first noticed, while there is one. */
    public Optional<Instant> downSince() {
        return Optional.ofNullable(downSince);
    }

    /** The last time a probe or a token look-up reached the database. */
    public Instant lastReached() {
        return lastReached;
    }

    /** A request reached the database just now. */
    public void reached(Instant at) {
        lastReached = at;
    }

    /**
     * Whether the failure is the database being out of reach: one that says its connection was
     * lost, or any other while a probe finds the database down (the pool and the transaction
     * manager wrap the driver's failure in ways of their own, not always with it as a cause).
     */
    public boolean explains(Throwable failure) {
        if (DatabaseFailures.isConnectionLoss(failure)) {
            wentDown(clock.instant());
            return true;
        }
        return !probe().reachable();
    }

    /**
     * Counts a request answered 503 because the database is down, and warns about the outage at
     * most once a minute.
     */
    public void refused() {
        long refused = refusedSinceWarning.incrementAndGet();
        Instant now = clock.instant();
        Instant warned = lastWarning;
        if (now.isBefore(warned.plus(WARNING_INTERVAL))) {
            return;
        }
        synchronized (this) {
            if (lastWarning != warned) {
                return;
            }
            lastWarning = now;
        }
        refusedSinceWarning.addAndGet(-refused);
        Instant since = downSince;
        LOG.warning(() -> "The database cannot be reached" + (since == null ? "" : " (since " + since + ")")
                + ": requests that need it are answered 503, " + refused + " since the last warning");
    }

    private Probe probe() {
        Probe probe = last;
        Instant now = clock.instant();
        if (probe != null && now.isBefore(probe.at().plus(PROBE_INTERVAL))) {
            return probe;
        }
        if (!probing.tryLock()) {
            // another thread is asking the database; until it knows, the last answer stands
            return probe != null ? probe : new Probe(true, now);
        }
        try {
            boolean reachable = connects();
            probe = new Probe(reachable, clock.instant());
            last = probe;
            if (reachable) {
                lastReached = probe.at();
                cameBack(probe.at());
            } else {
                wentDown(probe.at());
            }
            return probe;
        } finally {
            probing.unlock();
        }
    }

    private boolean connects() {
        try (Connection connection = dataSource().getConnection()) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Database probe failed", e);
            return false;
        }
    }

    private ConfiguredDataSource dataSource() {
        ConfiguredDataSource dataSource = direct;
        if (dataSource == null) {
            dataSource = new ConfiguredDataSource();
            direct = dataSource;
        }
        return dataSource;
    }

    private synchronized void wentDown(Instant at) {
        if (downSince == null) {
            downSince = at;
        }
    }

    private void cameBack(Instant at) {
        Instant since;
        synchronized (this) {
            since = downSince;
            downSince = null;
        }
        if (since != null) {
            long refused = refusedSinceWarning.getAndSet(0);
            lastWarning = Instant.MIN;
            LOG.info(() -> "The database can be reached again, after " + Duration.between(since, at).toSeconds()
                    + " s; " + refused + " request(s) answered 503 since the last warning");
        }
    }

    private record Probe(boolean reachable, Instant at) {
    }
}
