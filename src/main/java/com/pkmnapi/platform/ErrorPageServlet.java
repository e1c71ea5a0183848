package com.pkmnapi.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (web.xml), so that errors raised outside JAX-RS (a malformed request
 * line, a failing filter) are JSON too, never the server's HTML page.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 404;
        response.setHeader("Server", Version.SERVER_HEADER);
        ApiError error = ApiError.ofStatus(status);
        ErrorEnvelope.write(response, error, error.message());
    }
}
