package com.pkmnapi.accesstokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Which digests may be those of stored tokens, without a query each: the check of a client past
 * its failed-check limit asks here before it asks the database, so that a flood of forged tokens
 * (whose checksum is public) reaches the database about once in a hundred, and a live token is
 * still accepted. Built on first need from every stored digest, then kept fresh on demand: tokens
 * issued here are added at once, those issued by other servers of the database within
 * {@value #REFRESH_SECONDS} s (one query for the digests created since the last refresh, less a
 * minute for clocks and commits). Rebuilt every ten minutes, and when full, so that revoked and
 * purged tokens leave it.
 */
@ApplicationScoped
public class LiveDigests {

    static final int REFRESH_SECONDS = 1;
    private static final Duration REFRESH = Duration.ofSeconds(REFRESH_SECONDS);
    private static final Duration REBUILD = Duration.ofMinutes(10);
    /** Clocks of the servers and commits that come late: a refresh reads this far back. */
    private static final Duration SLACK = Duration.ofMinutes(1);
    private static final int PAGE = 10_000;
    private static final Logger LOG = Logger.getLogger(LiveDigests.class.getName());

    @Inject
    TokenManager tokens;

    @Inject
    Clock clock;

    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;

    /** Whether the digest may be a stored token's; false is certain. May query the database, at most once a second. */
    public boolean mightBeStored(String digest) {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || current.refreshDue(now)) {
            current = refresh(now);
        }
        return current.filter().mightContain(digest);
    }

    /** A token issued by this server, from its commit on (before it is harmless: a "maybe" more). */
    void issued(String digest) {
        Snapshot current = snapshot;
        if (current != null) {
            current.filter().add(digest);
        }
    }

    private Snapshot refresh(Instant now) {
        refreshing.lock();
        try {
            Snapshot current = snapshot;
            if (current != null && !current.refreshDue(now)) {
                return current;
            }
            if (current == null || current.rebuildDue(now)) {
                current = build(now);
            } else {
                tokens.digestsCreatedSince(current.refreshed().minus(SLACK)).forEach(current.filter()::add);
                current = new Snapshot(current.filter(), current.built(), now);
            }
            snapshot = current;
            return current;
        } finally {
            refreshing.unlock();
        }
    }

    /** Every stored digest, read by pages along the digest's unique index. */
    private Snapshot build(Instant now) {
        long stored = tokens.countStored();
        DigestFilter filter = new DigestFilter((int) Math.min(Integer.MAX_VALUE / 16, Math.max(2 * stored, 10_000)));
        String after = "";
        List<String> page;
        do {
            page = tokens.digestsAfter(after, PAGE);
            page.forEach(filter::add);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
        LOG.fine(() -> "Live digests built for " + stored + " stored token(s)");
        return new Snapshot(filter, now, now);
    }

    private record Snapshot(DigestFilter filter, Instant built, Instant refreshed) {

        boolean refreshDue(Instant now) {
            return !now.isBefore(refreshed.plus(REFRESH));
        }

        boolean rebuildDue(Instant now) {
            return !now.isBefore(built.plus(REBUILD)) || filter.isFull();
        }
    }
}
