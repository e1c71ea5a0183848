package com.pkmnapi.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;

/**
 * The per-client rate limit on every {@code /v1} endpoint (web.xml): past
 * {@code pkmnapi.rate.limit.requests} in {@code pkmnapi.rate.limit.window.seconds}, a 429 with
 * {@code Retry-After}. CORS preflights do not count: a browser sends one before many requests.
 */
public class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Clients the limit keeps apart, about 15 MiB of heap when full (see RateLimiter). */
    private static final int MAX_CLIENTS = 100_000;

    @Inject
    transient Settings settings;

    @Inject
    transient Clock clock;

    private transient RateLimiter limiter;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        limiter = new RateLimiter(settings.rateLimitRequests(), settings.rateLimitWindow(), MAX_CLIENTS);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!CorsFilter.isPreflight(request)) {
            String client = ClientAddress.of(request.getRemoteAddr(),
                    Collections.list(request.getHeaders("X-Forwarded-For")), settings.trustedProxies());
            long wait = limiter.acquire(client, clock.instant());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                ErrorEnvelope.write(response, 429, "Too many requests. Please try again in " + wait + " seconds.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
