package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The OpenAPI 3.0 description of the whole service, written by hand beside the code
 * ({@code openapi.json} next to this class) and kept true by the tests, which validate every
 * request and response they exchange against it. Served as it is, with this build's version.
 */
@Path("v1/openapi.json")
@ApplicationScoped
public class OpenApiResource {

    /** Where the description is, beside this class. */
    public static final String FILE = "openapi.json";

    private static final String DOCUMENT = ClasspathText.read(OpenApiResource.class, FILE)
            .replace("@VERSION@", Version.VERSION);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return DOCUMENT;
    }
}
