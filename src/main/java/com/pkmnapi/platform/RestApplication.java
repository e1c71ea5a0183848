package com.pkmnapi.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** JAX-RS serves every path of the WAR, so unknown paths get the JSON 404 too. */
@ApplicationPath("")
public class RestApplication extends Application {

    /**
     * Jersey would publish a generated WADL description at {@code /application.wadl}; the API is
     * documented elsewhere. A plain property name, so other runtimes simply ignore it.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
