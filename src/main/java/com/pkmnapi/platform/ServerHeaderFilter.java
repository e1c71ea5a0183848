package com.pkmnapi.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code Server: pkmnapi/<version>} on every response, set before anything else runs so that
 * error responses carry it too. Declared in web.xml, first in the chain.
 */
public class ServerHeaderFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Server", Version.SERVER_HEADER);
        chain.doFilter(request, response);
    }
}
