package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may read {@code /v1/metrics}: the connecting address decides; {@code X-Forwarded-For} can
 * only take access away. Behind the trusted range of the manual's example, {@code 10.0.0.0/8}, a
 * host of that range that writes {@code X-Forwarded-For: 127.0.0.1} used to read the metrics.
 */
class MetricsAccessTest {

    private static final TrustedProxies LOOPBACK = TrustedProxies.of(List.of("127.0.0.1", "::1"));
    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "127.0.0.1"));

    @Test
    void aForwardedLoopbackAddressGrantsNothing() {
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "10.1.2.3", List.of("127.0.0.1")));
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "10.1.2.3", List.of("203.0.113.9, 127.0.0.1")));
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "10.1.2.3", List.of("::1")));
    }

    @Test
    void theConnectingAddressDecides() {
        assertTrue(MetricsResource.allows(LOOPBACK, PROXIES, "127.0.0.1", List.of()));
        assertTrue(MetricsResource.allows(LOOPBACK, PROXIES, "::1", List.of()));
        assertTrue(MetricsResource.allows(LOOPBACK, TrustedProxies.none(), "127.0.0.1", List.of("203.0.113.9")),
                "a forwarded header from a peer that is no trusted proxy is not read");
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "10.1.2.3", List.of()));
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "203.0.113.9", List.of()));
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "unknown", List.of()));
    }

    @Test
    void aTrustedProxyThatIsAllowedStillMustForwardForAnAllowedClient() {
        assertFalse(MetricsResource.allows(LOOPBACK, PROXIES, "127.0.0.1", List.of("198.18.0.1")),
                "an outside client through the local proxy");
        assertTrue(MetricsResource.allows(LOOPBACK, PROXIES, "127.0.0.1", List.of("127.0.0.1")));
    }
}
