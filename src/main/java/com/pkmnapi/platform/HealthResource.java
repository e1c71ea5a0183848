package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Liveness and readiness. {@code /v1/health}: the WAR is deployed and answering; it touches
 * nothing else, which also makes it the ceiling against which the benchmark measures the other
 * endpoints, and a database outage does not make it fail (a restart would not help).
 * {@code /v1/health/ready}: also whether the database can be reached ({@link DatabaseHealth},
 * asked at most once a second), 503 while it cannot, for load balancers and orchestrators that
 * send requests elsewhere meanwhile. Under /v1, because servers keep /health for themselves
 * (Payara Micro's MicroProfile Health answers there).
 */
@Path("v1/health")
@ApplicationScoped
public class HealthResource {

    private static final String UP = "{\"status\":\"UP\"}";
    private static final String READY = "{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}";
    private static final String NOT_READY = "{\"status\":\"DOWN\",\"checks\":{\"database\":\"DOWN\"}}";

    @Inject
    DatabaseHealth database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return UP;
    }

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        return database.isReachable()
                ? Response.ok(READY).build()
                : Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(NOT_READY).build();
    }
}
