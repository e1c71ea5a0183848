package com.pkmnapi.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals as they appear in {@code X-Forwarded-For}, in settings and from the
 * servlet container, parsed to addresses so that every spelling of one address compares equal
 * ({@code ::1} and {@code 0:0:0:0:0:0:0:1}; {@code ::ffff:192.0.2.1} and {@code 192.0.2.1}).
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    // Starts with a hex digit or a colon and holds a colon: InetAddress parses such a string as an
    // IPv6 literal and refuses it if it is not one. Anything else could be taken for a host name
    // and looked up in the DNS, on a request's say-so.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern IPV4_AND_PORT = Pattern.compile("([0-9.]{7,15}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([^\\]]+)\\](?::\\d{1,5})?");

    private IpAddresses() {
    }

    /**
     * The address an {@code X-Forwarded-For} entry names, or null where it names none. Takes what
     * {@link #parse(String)} takes, and also {@code [v6]}, {@code [v6]:port} and {@code v4:port},
     * which some proxies write.
     */
    static InetAddress parseForwarded(String entry) {
        String text = entry.strip();
        Matcher bracketed = BRACKETED_IPV6.matcher(text);
        Matcher withPort = IPV4_AND_PORT.matcher(text);
        if (bracketed.matches()) {
            text = bracketed.group(1);
        } else if (withPort.matches()) {
            text = withPort.group(1);
        }
        return parse(text);
    }

    /**
     * The address the literal stands for, or null where it is none (a host name, {@code unknown},
     * an RFC 7239 obfuscated identifier, garbage). An IPv6 zone ({@code %eth0}) is dropped.
     */
    static InetAddress parse(String literal) {
        String text = literal.strip();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        boolean literalOnly = IPV4.matcher(text).matches()
                || (text.indexOf(':') >= 0 && IPV6.matcher(text).matches());
        if (!literalOnly) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
