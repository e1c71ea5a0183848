package com.pkmnapi.platform;

import java.util.Set;

/**
 * Who a request comes from, for rate limiting: the connection's remote address, unless that is a
 * trusted reverse proxy; then the nearest address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. A client cannot choose its own address by sending the header directly.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
