package com.pkmnapi.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** JAX-RS serves every path of the WAR, so unknown paths get the JSON 404 too. */
@ApplicationPath("")
public class RestApplication extends Application {

    /**
     * Jersey would publish a generated WADL description at {@code /application.wadl}; the API is
     * described by {@link OpenApiResource}. And it would make a relative {@code Location} absolute with the
     * request's own Host header, which a client chooses: a relative one must stay relative (see
     * PublicUrls). Plain property names, so other runtimes simply ignore them.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
