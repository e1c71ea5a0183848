package com.pkmnapi.platform;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code pkmnapi.trusted.proxies}):
 * addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), compared as parsed addresses,
 * so that any spelling of an IPv6 address matches the one the server reports.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param entries addresses or ranges, as {@code address} or {@code address/prefix length}
     * @throws IllegalArgumentException naming the first entry that is neither (host names are
     *         refused, not looked up)
     */
    public static TrustedProxies of(Collection<String> entries) {
        return new TrustedProxies(entries.stream().map(Range::parse).toList());
    }

    public boolean trusts(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private record Range(InetAddress network, int prefixLength) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = IpAddresses.parse(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(entry);
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(entry, e);
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(entry);
                }
            }
            return new Range(address, prefix);
        }

        /** Same family, and the first {@code prefixLength} bits equal (bits after them are ignored). */
        boolean contains(InetAddress address) {
            byte[] mine = network.getAddress();
            byte[] theirs = address.getAddress();
            if (mine.length != theirs.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (mine[i] != theirs[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest);
            return (mine[whole] & mask) == (theirs[whole] & mask);
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefixLength;
        }
    }
}
