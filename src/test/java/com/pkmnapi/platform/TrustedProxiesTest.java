package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    @Test
    void anAddressTrustsItselfInAnySpelling() {
        TrustedProxies proxies = TrustedProxies.of(List.of("::1", "10.0.0.1"));

        assertTrue(proxies.trusts(address("0:0:0:0:0:0:0:1")));
        assertTrue(proxies.trusts(address("0000::0001")));
        assertTrue(proxies.trusts(address("::ffff:10.0.0.1")));
        assertFalse(proxies.trusts(address("::2")));
        assertFalse(proxies.trusts(address("10.0.0.2")));
    }

    @Test
    void aRangeTrustsTheAddressesOfItsPrefix() {
        TrustedProxies proxies = TrustedProxies.of(List.of("172.16.0.0/12", "2001:db8:1::/48"));

        assertTrue(proxies.trusts(address("172.16.0.1")));
        assertTrue(proxies.trusts(address("172.31.255.255")));
        assertFalse(proxies.trusts(address("172.32.0.0")));
        assertFalse(proxies.trusts(address("172.15.255.255")));
        assertTrue(proxies.trusts(address("2001:db8:1:ffff::1")));
        assertFalse(proxies.trusts(address("2001:db8:2::1")));
    }

    @Test
    void theBitsAfterThePrefixAreIgnored() {
        assertTrue(TrustedProxies.of(List.of("10.1.2.3/8")).trusts(address("10.9.9.9")));
    }

    @Test
    void prefixZeroTrustsAWholeFamilyAndNoMore() {
        TrustedProxies everyIpv4 = TrustedProxies.of(List.of("0.0.0.0/0"));

        assertTrue(everyIpv4.trusts(address("203.0.113.7")));
        assertFalse(everyIpv4.trusts(address("2001:db8::1")));
    }

    @Test
    void noneTrustsNothing() {
        assertTrue(TrustedProxies.none().isEmpty());
        assertFalse(TrustedProxies.none().trusts(address("127.0.0.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "localhost", "10.0.0.0/33", "::1/129", "10.0.0.1/", "/8",
            "10.0.0.0/x", "10.0.0.0/-1", "10.0.0", "256.0.0.1", "::1::2", "unknown"})
    void anEntryThatIsNoAddressOrRangeIsRefusedByName(String entry) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.of(List.of("10.0.0.1", entry)));

        assertEquals(entry, refusal.getMessage());
    }

    private static InetAddress address(String literal) {
        return IpAddresses.parse(literal);
    }
}
