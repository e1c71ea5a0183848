package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.InetAddress;

/**
 * {@code GET /v1/metrics}: the meters of this server ({@link Metrics}) in the Prometheus text
 * format, for the clients of {@code pkmnapi.metrics.allowed} (loopback unless set). Any other
 * client gets the 404 of a path that does not exist.
 */
@Path("v1/metrics")
@ApplicationScoped
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    @Inject
    CurrentClient client;

    @Inject
    EdgeSettings edge;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        InetAddress address = IpAddresses.parse(client.address());
        if (address == null || !edge.metricsAllowed().trusts(address)) {
            throw new NotFoundException();
        }
        return metrics.scrape();
    }
}
