package com.pkmnapi.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code limit} requests per client in a fixed window that starts with the client's first
 * request. Counts live in this server's memory: behind a load balancer each node counts its own.
 *
 * <p>The table holds at most {@code maxClients} clients, so that a flood of distinct addresses
 * cannot fill the heap. When it is full, windows that have ended are swept away (at most once a
 * second, so that a full table does not cost a scan on every request); if it is still full, a new
 * client is counted in one window shared by every client that did not fit. Clients already in the
 * table keep their own counts, and nobody escapes the limit: under such a flood, new clients may
 * be refused until the shared window ends.
 */
public final class RateLimiter {

    /** The shared window's key: no client key (an IP address or network) looks like it. */
    static final String OVERFLOW = "overflow";

    private final int limit;
    private final Duration window;
    private final int maxClients;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    public RateLimiter(int limit, Duration window, int maxClients) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("limit, window and clients must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.maxClients = maxClients;
    }

    /**
     * Counts a request of the client, if its window has room.
     *
     * @return 0 where the request may go on, else the whole seconds (at least 1) until the
     *         client's window ends
     */
    public long acquire(String client, Instant now) {
        String key = windows.containsKey(client) || hasRoom(now) ? client : OVERFLOW;
        long[] wait = {0};
        windows.compute(key, (k, current) -> {
            Window open = current == null || current.endedBy(now) ? new Window(now.plus(window), 0) : current;
            if (open.count() < limit) {
                return new Window(open.end(), open.count() + 1);
            }
            wait[0] = secondsUntil(open.end(), now);
            return open;
        });
        return wait[0];
    }

    /**
     * What {@link #acquire} would answer, without counting: 0 where the client's window has room,
     * else the whole seconds until it ends. For limits that count failures after the fact.
     */
    public long waitFor(String client, Instant now) {
        Window current = windows.get(client);
        if (current == null && windows.size() >= maxClients) {
            current = windows.get(OVERFLOW);
        }
        if (current == null || current.endedBy(now) || current.count() < limit) {
            return 0;
        }
        return secondsUntil(current.end(), now);
    }

    /**
     * Whether a new client fits. Threads that see the last room at once may all take it, so the
     * table can hold a few more entries than {@code maxClients} (one per request in flight, and
     * the shared window), never many.
     */
    private boolean hasRoom(Instant now) {
        if (windows.size() < maxClients) {
            return true;
        }
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plusSeconds(1);
            windows.values().removeIf(w -> w.endedBy(now));
        }
        return windows.size() < maxClients;
    }

    /** Windows in the table, the shared one included (for tests and monitoring). */
    int tracked() {
        return windows.size();
    }

    static long secondsUntil(Instant end, Instant now) {
        return RetryAfter.seconds(Duration.between(now, end));
    }

    private record Window(Instant end, int count) {

        boolean endedBy(Instant now) {
            return !now.isBefore(end);
        }
    }
}
