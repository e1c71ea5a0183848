package com.pkmnapi.accesstokens.entity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants are stored as UTC wall-clock {@code TIMESTAMP}s: JPA 3.1 maps {@link LocalDateTime}
 * alike on every provider, and the value does not move with the server's time zone.
 */
final class UtcTimes {

    private UtcTimes() {
    }

    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
