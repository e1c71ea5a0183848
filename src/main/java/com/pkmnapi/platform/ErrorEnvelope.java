package com.pkmnapi.platform;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The JSON body of every error:
 * {@code {"data": {"id": "...", "type": "errors", "attributes": {"message": "..."}}}}.
 */
public final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    public static String json(ApiError error, String message) {
        return JsonObjects.builder()
                .add("data", JsonObjects.builder()
                        .add("id", error.id())
                        .add("type", "errors")
                        .add("attributes", JsonObjects.builder().add("message", message)))
                .build()
                .toString();
    }

    /**
     * Writes the envelope as the whole response, for the servlet filters and the error page that
     * answer before JAX-RS (or without it).
     */
    public static void write(HttpServletResponse response, ApiError error, String message) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(error, message));
    }

    public static Response.ResponseBuilder response(ApiError error, String message) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(json(error, message));
    }

    /** With the catalogue's own message. */
    public static Response.ResponseBuilder response(ApiError error) {
        return response(error, error.message());
    }
}
