package com.pkmnapi.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Who a request comes from, for rate limiting. The connection's remote address, unless that is a
 * trusted reverse proxy; then {@code X-Forwarded-For} is read from the right (every line of it,
 * in order: a proxy may append a line of its own below the one the client sent), past the trusted
 * proxies, and the first address that is not one is the client. A client cannot choose its own
 * address by sending the header: whatever it writes stays left of what its proxy appends.
 *
 * <p>An entry that is no IP address ({@code unknown}, a host name) ends the walk: the proxy that
 * wrote it is the nearest client known. An IPv6 client is its /64 network, since one host is
 * usually given a whole /64 and could otherwise take a fresh address for every request.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param remoteAddress the connection's remote address, as the servlet container reports it
     * @param forwardedFor the lines of {@code X-Forwarded-For} in the order they came, none where
     *        the header is absent
     * @return a key for the client: an IPv4 address ({@code 203.0.113.7}) or an IPv6 /64
     *         ({@code 2001:db8:0:1::/64}); the remote address as it is where it is no IP address
     */
    public static String of(String remoteAddress, List<String> forwardedFor, TrustedProxies trustedProxies) {
        InetAddress nearest = IpAddresses.parseForwarded(remoteAddress);
        if (nearest == null) {
            return remoteAddress;
        }
        return key(resolve(nearest, forwardedFor, trustedProxies));
    }

    /**
     * @return the client that {@code peer} forwards for where it is a trusted proxy, else the peer
     */
    static InetAddress resolve(InetAddress peer, List<String> forwardedFor, TrustedProxies trustedProxies) {
        return trustedProxies.trusts(peer) ? nearestUntrusted(peer, forwardedFor, trustedProxies) : peer;
    }

    private static InetAddress nearestUntrusted(InetAddress proxy, List<String> forwardedFor,
            TrustedProxies trustedProxies) {
        InetAddress nearest = proxy;
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String[] hops = forwardedFor.get(line).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                if (hops[i].isBlank()) {
                    continue;
                }
                InetAddress hop = IpAddresses.parseForwarded(hops[i]);
                if (hop == null) {
                    return nearest;
                }
                nearest = hop;
                if (!trustedProxies.trusts(hop)) {
                    return hop;
                }
            }
        }
        return nearest;
    }

    static String key(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder network = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
    }
}
