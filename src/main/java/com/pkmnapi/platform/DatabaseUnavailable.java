package com.pkmnapi.platform;

/**
 * A request that needs the database while it is out of reach ({@link DatabaseHealth}): 503
 * {@code error_service_unavailable} with {@code Retry-After}. Nothing was changed. It carries no
 * cause, so that the log gets no line per request: {@link DatabaseHealth#refused()} counts it
 * into one warning a minute.
 */
public class DatabaseUnavailable extends Refusal {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "The database cannot be reached; nothing was changed. Please try again later";
    /** Long enough for a database restart, short enough for a client to come back soon. */
    static final long RETRY_SECONDS = 5;

    public DatabaseUnavailable() {
        super(ApiError.SERVICE_UNAVAILABLE, MESSAGE, ApiError.SERVICE_UNAVAILABLE, RETRY_SECONDS, null);
    }
}
