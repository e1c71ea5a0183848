package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Metrics;
import io.micrometer.core.instrument.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code pkmnapi_tokens_live}: the live tokens of all addresses, counted in the database at most
 * once a minute however often the metrics are read, so that scrapes cost the database nothing.
 */
@ApplicationScoped
public class LiveTokensGauge {

    static final Duration SAMPLE_INTERVAL = Duration.ofMinutes(1);

    @Inject
    TokenManager tokens;

    @Inject
    Metrics metrics;

    @Inject
    Clock clock;

    private Instant sampledAt;
    private long count;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Gauge.builder("pkmnapi.tokens.live", this, LiveTokensGauge::value)
                .description("Live tokens of all addresses, sampled at most once a minute")
                .strongReference(true)
                .register(metrics.registry());
    }

    synchronized double value() {
        Instant now = clock.instant();
        if (sampledAt == null || !now.isBefore(sampledAt.plus(SAMPLE_INTERVAL))) {
            count = tokens.countLive();
            sampledAt = now;
        }
        return count;
    }
}
