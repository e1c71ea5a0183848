package com.pkmnapi.audit.control;

import com.pkmnapi.platform.ConfigValues;
import com.pkmnapi.platform.ReadAtStart;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** @param retention how long audit events are kept; the purge deletes older ones ({@code pkmnapi.audit.retention.days}) */
public record AuditSettings(Duration retention) implements ReadAtStart {

    public static final String RETENTION_DAYS = "pkmnapi.audit.retention.days";

    public static AuditSettings from(Config config) {
        return new AuditSettings(Duration.ofDays(ConfigValues.of(config).positive(RETENTION_DAYS)));
    }
}
