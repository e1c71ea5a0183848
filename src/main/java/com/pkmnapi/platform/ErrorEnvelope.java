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

    public static final String INTERNAL_SERVER_ERROR = "error_internal_server";

    private ErrorEnvelope() {
    }

    public static String json(String id, String message) {
        return JsonObjects.builder()
                .add("data", JsonObjects.builder()
                        .add("id", id)
                        .add("type", "errors")
                        .add("attributes", JsonObjects.builder().add("message", message)))
                .build()
                .toString();
    }

    /**
     * Writes the envelope as the whole response, for the servlet filters and the error page
     * that answer before JAX-RS (or without it); the id is the status's own.
     */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(idOf(status), message));
    }

    public static Response.ResponseBuilder response(int status, String id, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(id, message));
    }

    /** The id and text of an error status that carries nothing more specific. */
    public static String idOf(int status) {
        return switch (status) {
            case 400 -> "error_bad_request";
            case 401 -> "error_unauthorized";
            case 403 -> "error_forbidden";
            case 404 -> "error_not_found";
            case 405 -> "error_method_not_allowed";
            case 406 -> "error_not_acceptable";
            case 413 -> "error_payload_too_large";
            case 415 -> "error_unsupported_media_type";
            case 429 -> "error_too_many_requests";
            case 503 -> "error_service_unavailable";
            default -> status >= 500 ? INTERNAL_SERVER_ERROR : "error_client";
        };
    }

    public static String messageOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: responses are application/json";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type: send application/json";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Request refused";
        };
    }
}
