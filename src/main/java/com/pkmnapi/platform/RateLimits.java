package com.pkmnapi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-client limits, for the client of the current request (see {@link CurrentClient}): the
 * requests to the three mail endpoints ({@code pkmnapi.rate.limit.requests}) and the failed token
 * checks ({@code pkmnapi.rate.limit.failed.checks}), each per
 * {@code pkmnapi.rate.limit.window.seconds}; and the wrong deletion codes
 * ({@code pkmnapi.rate.limit.wrong.codes} an hour). Checks with a live token are not counted at all:
 * gateways check every request of their users from one address.
 */
@ApplicationScoped
public class RateLimits {

    /**
     * Clients each limit keeps apart, about 15 MiB of heap when full; beyond them new clients
     * share one count (see {@link RateLimiter}).
     */
    static final int MAX_CLIENTS = 100_000;
    private static final Duration WRONG_CODE_WINDOW = Duration.ofHours(1);

    @Inject
    RateLimitSettings settings;

    @Inject
    Clock clock;

    @Inject
    CurrentClient client;

    @Inject
    Metrics metrics;

    private RateLimiter mailRequests;
    private RateLimiter failedChecks;
    private RateLimiter wrongCodes;

    @PostConstruct
    void start() {
        mailRequests = new RateLimiter(settings.requests(), settings.window(), MAX_CLIENTS);
        failedChecks = new RateLimiter(settings.failedChecks(), settings.window(), MAX_CLIENTS);
        wrongCodes = new RateLimiter(settings.wrongCodes(), WRONG_CODE_WINDOW, MAX_CLIENTS);
    }

    /** Counts a request to a mail endpoint; the 429 to answer instead where the client is over. */
    public Optional<Refusal> countMailRequest() {
        return refusal(mailRequests.acquire(client.address(), clock.instant()), "mail_requests");
    }

    /** Counts a failed token check; the 429 to answer instead of the 401 where the client is over. */
    public Optional<Refusal> countFailedCheck() {
        return refusal(failedChecks.acquire(client.address(), clock.instant()), "failed_checks");
    }

    /** Whether the client is past its failed-check limit now, without counting. */
    public boolean isOverFailedChecks() {
        return failedChecks.waitFor(client.address(), clock.instant()) > 0;
    }

    /** The 429 to answer instead of trying a deletion code, where the client sent too many wrong ones. */
    public Optional<Refusal> wrongCodeRefusal() {
        return refusal(wrongCodes.waitFor(client.address(), clock.instant()), "wrong_codes");
    }

    /** Counts a wrong deletion code of the client, for all addresses together. */
    public void countWrongCode() {
        wrongCodes.acquire(client.address(), clock.instant());
    }

    /** The 429 where the client must wait, counted in {@code pkmnapi_rate_limit_refusals_total{limit}}. */
    private Optional<Refusal> refusal(long wait, String limit) {
        if (wait == 0) {
            return Optional.empty();
        }
        metrics.registry().counter("pkmnapi.rate.limit.refusals", "limit", limit).increment();
        return Optional.of(new Refusal(ApiError.TOO_MANY_REQUESTS, ApiError.tooManyRequests(wait), ApiError.TOO_MANY_REQUESTS,
                wait, null));
    }
}
