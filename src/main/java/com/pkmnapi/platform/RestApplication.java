package com.pkmnapi.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS serves every path of the WAR, so unknown paths get the JSON 404 too. */
@ApplicationPath("")
public class RestApplication extends Application {
}
