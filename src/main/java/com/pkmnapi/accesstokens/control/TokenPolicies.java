package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** Makes the {@link TokenPolicy}, read once at start: a setting that cannot be used stops the deployment. */
@ApplicationScoped
public class TokenPolicies {

    private static final Logger LOG = Logger.getLogger(TokenPolicies.class.getName());

    @Inject
    Config config;

    private TokenPolicy policy;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the observer makes the bean, and so reads the policy, at start
    }

    @PostConstruct
    void read() {
        policy = TokenPolicy.from(config);
        if (policy.allowedDomains().isEmpty()) {
            LOG.warning(() -> "Setting " + ConfigValues.describe(TokenPolicy.ALLOWED_DOMAINS)
                    + " is not set: tokens are mailed to any address on any domain. Set it in production.");
        }
    }

    @Produces
    TokenPolicy policy() {
        return policy;
    }
}
