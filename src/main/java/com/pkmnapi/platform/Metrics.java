package com.pkmnapi.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's meters, in Micrometer's Prometheus registry (packaged in the WAR, so that
 * every server shows the same): the features register theirs here, {@link MetricsResource} serves
 * them. The names are Micrometer's, which the registry writes in Prometheus' conventions
 * ({@code pkmnapi.token.checks} is {@code pkmnapi_token_checks_total}).
 */
@ApplicationScoped
public class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format, version 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    @PreDestroy
    void close() {
        registry.close();
    }
}
