package com.pkmnapi.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Makes the {@link AuditSettings}, read once at start: a setting that cannot be used stops the deployment. */
@ApplicationScoped
public class AuditConfiguration {

    @Inject
    Config config;

    private AuditSettings settings;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the observer makes the bean, and so reads the settings, at start
    }

    @PostConstruct
    void read() {
        settings = AuditSettings.from(config);
    }

    @Produces
    AuditSettings settings() {
        return settings;
    }
}
