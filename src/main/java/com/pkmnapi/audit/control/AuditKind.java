package com.pkmnapi.audit.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit event records; its name in the table, the log and the API is {@link #id()}. */
public enum AuditKind {
    TOKEN_ISSUED,
    TOKEN_REQUEST_REFUSED,
    DELETION_REQUESTED,
    DELETION_REQUEST_REFUSED,
    TOKEN_REVOKED_BY_CODE,
    TOKEN_REVOKED_BY_ITSELF,
    TOKEN_REVOKED_BY_ID,
    DELETION_CODE_REFUSED,
    /** Counted per client, minute and outcome: one event for many checks. */
    TOKEN_CHECK_FAILED;

    /** {@code token_issued}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of that {@link #id()}, if there is one. */
    public static Optional<AuditKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
    }
}
