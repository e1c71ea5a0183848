package com.pkmnapi.platform;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The per-client limits ({@link RateLimits}).
 *
 * @param requests requests one client may make to the rate-limited endpoints in a {@code window}
 *        ({@code pkmnapi.rate.limit.requests})
 * @param window the window of both per-minute limits ({@code pkmnapi.rate.limit.window.seconds})
 * @param failedChecks failed token checks (401) one client may cause in a {@code window}; checks
 *        with a live token are not counted ({@code pkmnapi.rate.limit.failed.checks})
 * @param wrongCodes wrong deletion codes one client may send in an hour, all addresses together;
 *        a wrong code never harms the owner's code: guessing is stopped here, per client
 *        ({@code pkmnapi.rate.limit.wrong.codes})
 */
public record RateLimitSettings(int requests, Duration window, int failedChecks, int wrongCodes) implements ReadAtStart {

    public static final String REQUESTS = "pkmnapi.rate.limit.requests";
    public static final String WINDOW_SECONDS = "pkmnapi.rate.limit.window.seconds";
    public static final String FAILED_CHECKS = "pkmnapi.rate.limit.failed.checks";
    public static final String WRONG_CODES = "pkmnapi.rate.limit.wrong.codes";

    public static RateLimitSettings from(Config config) {
        ConfigValues read = ConfigValues.of(config);
        return new RateLimitSettings(read.positive(REQUESTS), read.positiveSeconds(WINDOW_SECONDS),
                read.positive(FAILED_CHECKS), read.positive(WRONG_CODES));
    }
}
