package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    private static final String CLIENT = "203.0.113.7";
    private static final String PROXY = "10.0.0.1";
    private static final String INNER_PROXY = "10.0.0.2";
    private static final Set<String> PROXIES = Set.of(PROXY, INNER_PROXY);

    @Test
    void ofIsTheRemoteAddressWithoutTrustedProxiesWhateverTheHeaderSays() {
        assertEquals(CLIENT, ClientAddress.of(CLIENT, "198.51.100.1", Set.of()));
        assertEquals(PROXY, ClientAddress.of(PROXY, CLIENT, Set.of()));
    }

    @Test
    void ofIsTheRemoteAddressWhenItIsNotATrustedProxy() {
        assertEquals(CLIENT, ClientAddress.of(CLIENT, "198.51.100.1", PROXIES));
    }

    @Test
    void ofIsTheRemoteAddressWithoutTheHeader() {
        assertEquals(CLIENT, ClientAddress.of(CLIENT, null, PROXIES));
        assertEquals(PROXY, ClientAddress.of(PROXY, null, PROXIES));
    }

    @Test
    void ofIsTheForwardedAddressBehindATrustedProxy() {
        assertEquals(CLIENT, ClientAddress.of(PROXY, CLIENT, PROXIES));
    }

    @Test
    void ofSkipsTrustedProxiesFromTheRightAcrossSeveralHops() {
        assertEquals(CLIENT, ClientAddress.of(PROXY, CLIENT + "," + INNER_PROXY, PROXIES));
        assertEquals(CLIENT, ClientAddress.of(PROXY, "198.51.100.9," + CLIENT + "," + INNER_PROXY + "," + PROXY, PROXIES));
    }

    @Test
    void ofIgnoresSpacesAroundTheCommas() {
        assertEquals(CLIENT, ClientAddress.of(PROXY, "  198.51.100.9 ,  " + CLIENT + "  ,\t" + INNER_PROXY + " ", PROXIES));
    }

    @Test
    void ofSkipsEmptyEntries() {
        assertEquals(CLIENT, ClientAddress.of(PROXY, CLIENT + ",, ,", PROXIES));
        assertEquals(CLIENT, ClientAddress.of(PROXY, CLIENT + ", ," + INNER_PROXY + ",", PROXIES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,", "10.0.0.2", "10.0.0.1, 10.0.0.2", " 10.0.0.2 ,, 10.0.0.1 "})
    void ofIsTheRemoteAddressWhenTheHeaderNamesOnlyTrustedProxiesOrNothing(String forwardedFor) {
        assertEquals(PROXY, ClientAddress.of(PROXY, forwardedFor, PROXIES));
    }

    @Test
    void ofDoesNotLetAClientChooseItsIdentityByPrependingAnAddress() {
        // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the real address.
        assertEquals(CLIENT, ClientAddress.of(PROXY, "198.51.100.1, " + CLIENT, PROXIES));
        assertEquals(CLIENT, ClientAddress.of(PROXY, PROXY + ", " + CLIENT, PROXIES));
    }

    @Test
    void ofHandlesIpv6Addresses() {
        assertEquals("2001:db8::7", ClientAddress.of("::1", "2001:db8::9, 2001:db8::7", Set.of("::1")));
    }
}
