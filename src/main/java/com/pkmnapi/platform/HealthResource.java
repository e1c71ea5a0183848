package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Liveness: the WAR is deployed and answering. It touches nothing else, which also makes it the
 * ceiling against which the benchmark measures the other endpoints. Under /v1, because servers
 * keep /health for themselves (Payara Micro's MicroProfile Health answers there).
 */
@Path("v1/health")
@ApplicationScoped
public class HealthResource {

    private static final String UP = "{\"status\":\"UP\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return UP;
    }
}
