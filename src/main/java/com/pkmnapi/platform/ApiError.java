package com.pkmnapi.platform;

import java.util.Arrays;

/**
 * Every error the service answers with: its status, its id in the JSON envelope and its message
 * where the case gives none of its own. The one place where ids are written; mappers, filters and
 * the servlet-side writer name an entry of this catalogue, never a status or an id of their own.
 */
public enum ApiError implements Outcome {

    /** A request the access-token endpoints refuse as invalid; the case says what is wrong. */
    INVALID(400, "error_access_tokens_invalid", "Invalid request"),
    /** A request that is not HTTP the service can read at all. */
    BAD_REQUEST(400, "error_bad_request", "Bad request"),
    UNAUTHORIZED(401, "error_access_tokens_unauthorized", "Authorization header must be set"),
    /** Refused by the access-token endpoints' rules: an Authorization header, the token cap. */
    FORBIDDEN(403, "error_access_tokens_forbidden", "Forbidden"),
    /** The same kind of mail too soon, or the address busy with another request: try again later. */
    TIMEOUT(403, "error_access_tokens_timeout", "Please try again later"),
    /** Refused outside the access-token rules, such as a CORS origin. */
    FORBIDDEN_GENERIC(403, "error_forbidden", "Forbidden"),
    NOT_FOUND(404, "error_not_found", "Not found"),
    METHOD_NOT_ALLOWED(405, "error_method_not_allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "error_not_acceptable", "Not acceptable: responses are application/json"),
    PAYLOAD_TOO_LARGE(413, "error_payload_too_large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "error_unsupported_media_type", "Unsupported media type: send application/json"),
    TOO_MANY_REQUESTS(429, "error_too_many_requests", "Too many requests"),
    INTERNAL(500, "error_internal_server", "Internal server error"),
    /** A mail could not be handed to the SMTP server, or too many are in flight; nothing changed. */
    EMAIL(503, "error_access_tokens_email", "The email could not be sent; nothing was changed. Please try again later"),
    SERVICE_UNAVAILABLE(503, "error_service_unavailable", "Service unavailable");

    /** The message of a body that the client stopped sending, or that broke off. */
    public static final String BODY_UNREADABLE = "Request body could not be read";

    private final int status;
    private final String id;
    private final String message;

    ApiError(int status, String id, String message) {
        this.status = status;
        this.id = id;
        this.message = message;
    }

    public int status() {
        return status;
    }

    /** Also its outcome where a refusal has none of its own. */
    @Override
    public String id() {
        return id;
    }

    /** The message where the case has none of its own. */
    public String message() {
        return message;
    }

    /**
     * The entry for a bare status that carries nothing more specific, as the runtime and the
     * container raise them (404, 405, ...): the generic one of that status.
     */
    public static ApiError ofStatus(int status) {
        return Arrays.stream(values())
                .filter(error -> error.status == status && error.isGeneric())
                .findFirst()
                .orElse(status >= 500 ? INTERNAL : BAD_REQUEST);
    }

    /** Not one of the access-token endpoints' own, so fit for any request of that status. */
    private boolean isGeneric() {
        return !id.startsWith("error_access_tokens");
    }

    /** The 429 message, as the original service words it. */
    public static String tooManyRequests(long seconds) {
        return "Too many requests. Please try again in " + seconds + " seconds.";
    }
}
