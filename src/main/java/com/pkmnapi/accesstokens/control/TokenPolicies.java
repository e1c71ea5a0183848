package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** Makes the {@link TokenPolicy}, once, at start (it is {@link com.pkmnapi.platform.ReadAtStart}). */
@ApplicationScoped
public class TokenPolicies {

    private static final Logger LOG = Logger.getLogger(TokenPolicies.class.getName());

    @Produces
    @Singleton
    TokenPolicy policy(Config config) {
        TokenPolicy policy = TokenPolicy.from(config);
        if (policy.allowedDomains().isEmpty()) {
            LOG.warning(() -> "Setting " + ConfigValues.describe(TokenPolicy.ALLOWED_DOMAINS)
                    + " is not set: tokens are mailed to any address on any domain. Set it in production.");
        }
        return policy;
    }
}
