package com.pkmnapi.platform;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives each resource method a filter that names its endpoint for {@link RequestMetricsFilter}:
 * the path template ({@code /v1/access_tokens/{id}}), worked out once at deployment. It runs
 * before every other filter of the method, so that a request they refuse is named too.
 */
@Provider
public class EndpointNames implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String endpoint = "/" + (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        context.register(new EndpointName(endpoint), 0);
    }

    static final class EndpointName implements ContainerRequestFilter {

        private final String endpoint;

        EndpointName(String endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(RequestMetricsFilter.ENDPOINT, endpoint);
        }
    }
}
