package com.pkmnapi.accesstokens.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Every {@link Instant} attribute, and every query parameter compared with one, is stored as a UTC
 * wall-clock {@code TIMESTAMP} ({@code DATETIME(6)} on MariaDB): JPA 3.1 maps
 * {@link LocalDateTime} alike on every provider and database, and the value does not move with
 * the server's or the database's time zone.
 */
@Converter(autoApply = true)
public class UtcInstants implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
