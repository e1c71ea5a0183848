package com.pkmnapi.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code limit} requests per client in a fixed window that starts with the client's first
 * request. Counts live in this server's memory: behind a load balancer each node counts its own.
 * Windows that have ended are swept away once the table grows past {@code sweepAbove} clients,
 * at most once a second, so that a large table does not cost a scan on every request.
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final int sweepAbove;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    public RateLimiter(int limit, Duration window, int sweepAbove) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.sweepAbove = sweepAbove;
    }

    /**
     * Counts a request of the client, if its window has room.
     *
     * @return 0 where the request may go on, else the whole seconds (at least 1) until the
     *         client's window ends
     */
    public long acquire(String client, Instant now) {
        long[] wait = {0};
        windows.compute(client, (key, current) -> {
            Window open = current == null || current.endedBy(now) ? new Window(now.plus(window), 0) : current;
            if (open.count() < limit) {
                return new Window(open.end(), open.count() + 1);
            }
            wait[0] = secondsUntil(open.end(), now);
            return open;
        });
        if (windows.size() > sweepAbove && !now.isBefore(nextSweep)) {
            nextSweep = now.plusSeconds(1);
            windows.values().removeIf(w -> w.endedBy(now));
        }
        return wait[0];
    }

    /** Clients with a window in the table (for tests and monitoring). */
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
