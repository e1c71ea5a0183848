package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    private static final String CLIENT = "203.0.113.7";
    private static final String PROXY = "10.0.0.1";
    private static final String INNER_PROXY = "10.0.0.2";
    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of(PROXY, INNER_PROXY));

    private static String of(String remoteAddress, String forwardedFor, TrustedProxies trusted) {
        return ClientAddress.of(remoteAddress, forwardedFor == null ? List.of() : List.of(forwardedFor), trusted);
    }

    @Test
    void ofIsTheRemoteAddressWithoutTrustedProxiesWhateverTheHeaderSays() {
        assertEquals(CLIENT, of(CLIENT, "198.51.100.1", TrustedProxies.none()));
        assertEquals(PROXY, of(PROXY, CLIENT, TrustedProxies.none()));
    }

    @Test
    void ofIsTheRemoteAddressWhenItIsNotATrustedProxy() {
        assertEquals(CLIENT, of(CLIENT, "198.51.100.1", PROXIES));
    }

    @Test
    void ofIsTheRemoteAddressWithoutTheHeader() {
        assertEquals(CLIENT, of(CLIENT, null, PROXIES));
        assertEquals(PROXY, of(PROXY, null, PROXIES));
    }

    @Test
    void ofIsTheForwardedAddressBehindATrustedProxy() {
        assertEquals(CLIENT, of(PROXY, CLIENT, PROXIES));
    }

    @Test
    void ofSkipsTrustedProxiesFromTheRightAcrossSeveralHops() {
        assertEquals(CLIENT, of(PROXY, CLIENT + "," + INNER_PROXY, PROXIES));
        assertEquals(CLIENT, of(PROXY, "198.51.100.9," + CLIENT + "," + INNER_PROXY + "," + PROXY, PROXIES));
    }

    @Test
    void ofIgnoresSpacesAroundTheCommas() {
        assertEquals(CLIENT, of(PROXY, "  198.51.100.9 ,  " + CLIENT + "  ,\t" + INNER_PROXY + " ", PROXIES));
    }

    @Test
    void ofSkipsEmptyEntries() {
        assertEquals(CLIENT, of(PROXY, CLIENT + ",, ,", PROXIES));
        assertEquals(CLIENT, of(PROXY, CLIENT + ", ," + INNER_PROXY + ",", PROXIES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,"})
    void ofIsTheRemoteAddressWhenTheHeaderNamesNothing(String forwardedFor) {
        assertEquals(PROXY, of(PROXY, forwardedFor, PROXIES));
    }

    @Test
    void ofIsTheFarthestTrustedProxyWhenTheHeaderNamesOnlyTrustedProxies() {
        assertEquals(INNER_PROXY, of(PROXY, INNER_PROXY, PROXIES));
        assertEquals(PROXY, of(INNER_PROXY, " " + PROXY + " ,, " + INNER_PROXY + " ", PROXIES));
    }

    @Test
    void ofDoesNotLetAClientChooseItsIdentityByPrependingAnAddress() {
        // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the real address.
        assertEquals(CLIENT, of(PROXY, "198.51.100.1, " + CLIENT, PROXIES));
        assertEquals(CLIENT, of(PROXY, PROXY + ", " + CLIENT, PROXIES));
    }

    @Test
    void ofReadsEveryLineOfTheHeaderInOrder() {
        // The client sent its own line; the proxy added a line of its own below it, rather than
        // appending to the client's.
        assertEquals(CLIENT, ClientAddress.of(PROXY, List.of("198.51.100.1", CLIENT), PROXIES));
        assertEquals(CLIENT, ClientAddress.of(PROXY, List.of("198.51.100.1, 198.51.100.2", CLIENT + ", " + INNER_PROXY),
                PROXIES));
        assertEquals(CLIENT, ClientAddress.of(PROXY, List.of("198.51.100.1", CLIENT, INNER_PROXY, ""), PROXIES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "_hidden", "proxy.example.com", "localhost", "300.1.1.1", "1.2.3", "a::b::c"})
    void anEntryThatIsNoAddressMakesTheProxyThatWroteItTheClient(String entry) {
        assertEquals(INNER_PROXY, of(PROXY, CLIENT + ", " + entry + ", " + INNER_PROXY, PROXIES));
        assertEquals(PROXY, of(PROXY, entry, PROXIES));
    }

    @Test
    void ofComparesTrustedProxiesAsAddressesWhateverTheirSpelling() {
        TrustedProxies loopback = TrustedProxies.of(List.of("::1"));

        // Java reports the IPv6 loopback address as 0:0:0:0:0:0:0:1.
        assertEquals(CLIENT, of("0:0:0:0:0:0:0:1", CLIENT, loopback));
        assertEquals(CLIENT, of("0:0:0:0:0:0:0:1%0", CLIENT, loopback));
        assertEquals(CLIENT, of("::1", CLIENT, TrustedProxies.of(List.of("0:0:0:0:0:0:0:1"))));
        assertEquals(CLIENT, of("::ffff:10.0.0.1", CLIENT, PROXIES));
        assertEquals(CLIENT, of(PROXY, CLIENT + ", [0::1]:8443", TrustedProxies.of(List.of(PROXY, "::1"))));
    }

    @Test
    void ofTrustsEveryAddressOfATrustedRange() {
        TrustedProxies ranges = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8"));

        assertEquals(CLIENT, of("10.200.3.4", CLIENT + ", 10.1.1.1, fd12:3456::1", ranges));
        assertEquals("172.16.0.1", of("172.16.0.1", CLIENT, ranges));
    }

    @Test
    void anIpv6ClientIsItsSlash64Network() {
        TrustedProxies none = TrustedProxies.none();

        assertEquals("2001:db8:1:2::/64", of("2001:db8:1:2::7", null, none));
        assertEquals("2001:db8:1:2::/64", of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff", null, none));
        assertEquals("2001:db8:1:3::/64", of("2001:db8:1:3::7", null, none));
        assertEquals("2001:db8:0:0::/64", of("::1", "2001:db8::9, 2001:db8::7", TrustedProxies.of(List.of("::1"))));
    }

    @Test
    void anIpv4ClientIsItsAddressHoweverItIsSpelled() {
        assertEquals(CLIENT, of(PROXY, "::ffff:" + CLIENT, PROXIES));
        assertEquals(CLIENT, of(PROXY, CLIENT + ":51234", PROXIES));
        assertEquals(CLIENT, of(CLIENT, null, TrustedProxies.none()));
    }

    @Test
    void aRemoteAddressThatIsNoIpAddressIsTheClientAsItIs() {
        assertEquals("unix-socket", of("unix-socket", CLIENT, PROXIES));
    }
}
