package com.pkmnapi.accesstokens.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The services a token is for ({@code ["wiki", "ci"]}): 1 to {@value #MAX_SERVICES} names of
 * {@code [a-z0-9][a-z0-9.-]{0,62}}, in the order given, each once. A token bound to them is
 * active only where one of them asks: at introspection when the client is one, at the check when
 * the request names one; a token without them is good at every service.
 */
public record TokenAudience(List<String> services) {

    public static final int MAX_SERVICES = 10;
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    public TokenAudience {
        if (services == null || services.isEmpty() || services.size() > MAX_SERVICES
                || !services.stream().allMatch(TokenAudience::isServiceName)) {
            throw new InvalidAudience();
        }
        services = List.copyOf(new LinkedHashSet<>(services));
    }

    public static boolean isServiceName(String name) {
        return name != null && SERVICE.matcher(name).matches();
    }

    /** As stored: the names with one space between them; null for a token without audience. */
    public static String stored(Optional<TokenAudience> audience) {
        return audience.map(bound -> String.join(" ", bound.services())).orElse(null);
    }

    /** The names stored as {@link #stored} wrote them; empty for a token without audience. */
    public static List<String> fromStored(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(" "));
    }
}
