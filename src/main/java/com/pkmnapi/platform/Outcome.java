package com.pkmnapi.platform;

import java.util.Locale;

/**
 * What came of a request, as the audit trail and the meters name it: each feature's outcomes are
 * an enum of its own that implements this, so that the platform carries them without knowing
 * them. A refusal with no outcome of its own is named by its error ({@link ApiError} is one).
 */
public interface Outcome {

    String name();

    /** {@code resend_window}, {@code rate_limited}, ...: the enum constant's name in lower case. */
    default String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
