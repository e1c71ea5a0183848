package com.pkmnapi.platform;

import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every request the API answers, by endpoint (the resource method's path template, which
 * {@link EndpointNames} sets, so that ids make no new series; {@code other} for requests that match
 * none) and status: {@code pkmnapi_requests_seconds_count{method, endpoint, status}}, its sum and
 * its maximum.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property that names the endpoint. */
    static final String ENDPOINT = RequestMetricsFilter.class.getName() + ".endpoint";
    private static final String SAMPLE = RequestMetricsFilter.class.getName() + ".sample";
    /** The methods named in the series; any other the client makes up is {@code other}. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Inject
    Metrics metrics;

    /** The timers by method, endpoint and status, so that a request costs no registry look-up. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(SAMPLE, Timer.start(metrics.registry()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SAMPLE) instanceof Timer.Sample sample) {
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
            String endpoint = request.getProperty(ENDPOINT) instanceof String name ? name : "other";
            String status = String.valueOf(response.getStatus());
            sample.stop(timers.computeIfAbsent(method + ' ' + endpoint + ' ' + status, key -> Timer.builder("pkmnapi.requests")
                    .description("Requests the API answered, by endpoint and status")
                    .tag("method", method)
                    .tag("endpoint", endpoint)
                    .tag("status", status)
                    .register(metrics.registry())));
        }
    }
}
