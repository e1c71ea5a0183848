package com.pkmnapi.audit.control;

import com.pkmnapi.platform.Outcome;

/** The outcomes the audit trail names for every feature alike. */
public enum AuditOutcome implements Outcome {
    /** What was done as asked. */
    SUCCESS,
    /** Refused by a per-client limit. */
    RATE_LIMITED
}
