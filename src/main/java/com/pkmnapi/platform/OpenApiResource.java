package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.0 description of the whole service, written by hand beside the code
 * ({@code openapi.json} next to this class) and kept true by the tests, which validate every
 * request and response they exchange against it. Served as it is, with this build's version.
 */
@Path("v1/openapi.json")
@ApplicationScoped
public class OpenApiResource {

    private static final String DOCUMENT = load().replace("@VERSION@", Version.VERSION);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return DOCUMENT;
    }

    private static String load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource openapi.json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
