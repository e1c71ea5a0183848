package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;

/**
 * {@code GET /v1/metrics}: the meters of this server ({@link Metrics}) in the Prometheus text
 * format, for the clients of {@code pkmnapi.metrics.allowed} (loopback unless set). Any other
 * client gets the 404 of a path that does not exist.
 *
 * <p>Access is decided by the connecting address: {@code X-Forwarded-For} can never grant it, since
 * any host in a trusted proxy range could write {@code 127.0.0.1} there. It can only take it away:
 * where the peer is a trusted proxy, the client it forwards for must be allowed as well.
 */
@Path("v1/metrics")
@ApplicationScoped
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    @Inject
    HttpServletRequest request;

    @Inject
    EdgeSettings edge;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        if (!allows(edge.metricsAllowed(), edge.trustedProxies(), request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")))) {
            throw new NotFoundException();
        }
        return metrics.scrape();
    }

    /**
     * @param allowed the clients of {@code pkmnapi.metrics.allowed}
     * @param proxies the trusted proxies, whose forwarded client must be allowed too
     * @param remoteAddress the connection's remote address
     * @param forwardedFor the lines of {@code X-Forwarded-For}, none where it is absent
     */
    static boolean allows(TrustedProxies allowed, TrustedProxies proxies, String remoteAddress, List<String> forwardedFor) {
        InetAddress peer = IpAddresses.parseForwarded(remoteAddress);
        return peer != null && allowed.trusts(peer) && allowed.trusts(ClientAddress.resolve(peer, forwardedFor, proxies));
    }
}
