package com.pkmnapi.platform;

import java.time.Duration;

/** The wait a refusal asks for, in {@code Retry-After} and in its message. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** Whole seconds, rounded up, and at least 1: a client that waits that long is not refused. */
    public static long seconds(Duration remaining) {
        long seconds = remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
