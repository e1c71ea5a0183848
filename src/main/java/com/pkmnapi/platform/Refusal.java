package com.pkmnapi.platform;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;

/**
 * A request the service refuses, as the client sees it: an entry of the {@link ApiError}
 * catalogue (status and id), the message for this case (its {@link #getMessage()}), where it
 * helps the seconds to wait ({@code Retry-After}), and its {@link Outcome} for the audit trail.
 * The one kind of refusal: resources and the beans they call throw it, filters answer with its
 * {@link #response()}, and one mapper ({@link RefusalMapper}) turns a thrown one into the same
 * response. What the client must not see (an SMTP server's answer, say) is the cause, for the
 * server log only.
 *
 * <p>An application exception of the EJBs (inherited by the few subclasses that are caught by
 * type): it reaches the caller as it is, and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;
    private final Outcome outcome;
    private final Long retryAfterSeconds;

    public Refusal(ApiError error, String message) {
        this(error, message, error, null, null);
    }

    public Refusal(ApiError error, String message, Outcome outcome) {
        this(error, message, outcome, null, null);
    }

    /**
     * @param outcome what the audit trail records it as
     * @param retryAfterSeconds whole seconds for {@code Retry-After}, or null where waiting does not help
     * @param cause for the server log, or null
     */
    public Refusal(ApiError error, String message, Outcome outcome, Long retryAfterSeconds, Throwable cause) {
        // no stack trace: a refusal is the client's answer, not a fault to trace (its cause keeps
        // its own), and a flood of refused requests should cost no stack walks
        super(message, cause, false, false);
        this.error = error;
        this.outcome = outcome;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiError error() {
        return error;
    }

    /** What the audit trail records the refusal as: the case's outcome, else its error. */
    public Outcome outcome() {
        return outcome;
    }

    /** What the server log says of it: by default, the client's message and the cause's. */
    public String detail() {
        return getCause() == null ? getMessage() : getMessage() + ": " + getCause().getMessage();
    }

    /** Whole seconds for {@code Retry-After}, where waiting helps. */
    public OptionalLong retryAfter() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    /** The response that answers it, for a filter that aborts the request with it. */
    public Response response() {
        return responseWith().build();
    }

    /** The same, to be built once a header of the case's own is added (a 401's challenge). */
    public Response.ResponseBuilder responseWith() {
        return RefusalMapper.response(this);
    }

    /**
     * The refusal as a {@link jakarta.ws.rs.WebApplicationException}, for the places where only
     * that passes through the JAX-RS runtime as it is (a message body reader).
     */
    public ApiException carried() {
        return new ApiException(this);
    }
}
