package com.pkmnapi.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * CORS for browser clients of {@code /v1} (web.xml), for the origins of
 * {@code pkmnapi.cors.allowed.origins}. Answers preflights itself; on other requests from an
 * allowed origin adds the headers that let the page read the response. Tokens travel in the
 * {@code Authorization} header, never in cookies, so credentials are not allowed.
 */
public class CorsFilter extends HttpFilter {

    static final String ALLOWED_METHODS = "GET, POST, DELETE";
    static final String ALLOWED_HEADERS = "Accept, Authorization, Content-Type";
    static final String EXPOSED_HEADERS = "Location, Retry-After, WWW-Authenticate, X-Pkmnapi-Email, X-Pkmnapi-Token-Id";
    static final String MAX_AGE_SECONDS = "600";

    private static final long serialVersionUID = 1L;

    @Inject
    transient EdgeSettings edge;

    static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = isAllowed(origin);
        if (isPreflight(request)) {
            if (allowed) {
                allow(origin, response);
                response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
                response.setStatus(204);
            } else {
                ErrorEnvelope.write(response, ApiError.FORBIDDEN_GENERIC, "Origin not allowed");
            }
            return;
        }
        if (allowed) {
            allow(origin, response);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }

    private boolean isAllowed(String origin) {
        return edge.corsAllowedOrigins().contains("*")
                || edge.corsAllowedOrigins().contains(origin.toLowerCase(Locale.ROOT));
    }

    private void allow(String origin, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin",
                edge.corsAllowedOrigins().contains("*") ? "*" : origin);
    }
}
