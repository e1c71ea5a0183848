package com.pkmnapi.platform;

import java.util.OptionalLong;

/**
 * A request the service refuses, as the client sees it: an entry of the {@link ApiError}
 * catalogue, the message for this case (its {@link #getMessage()}), and where it helps, the
 * seconds to wait. One mapper turns every refusal into its response. What the client must not see
 * (an SMTP server's answer, say) is the cause, for the server log only.
 */
public abstract class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;
    private final Long retryAfterSeconds;

    protected Refusal(ApiError error, String message) {
        this(error, message, null, null);
    }

    protected Refusal(ApiError error, String message, Long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiError error() {
        return error;
    }

    /** What the server log says of it: by default, the client's message and the cause's. */
    public String detail() {
        return getCause() == null ? getMessage() : getMessage() + ": " + getCause().getMessage();
    }

    /** Whole seconds for {@code Retry-After}, where waiting helps. */
    public OptionalLong retryAfter() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
