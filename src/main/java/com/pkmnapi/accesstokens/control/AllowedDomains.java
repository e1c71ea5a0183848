package com.pkmnapi.accesstokens.control;

import java.util.Locale;
import java.util.Set;

/**
 * The mail domains the service mails tokens and codes to ({@code pkmnapi.allowed.domains}):
 * {@code corp.example} admits that domain, {@code *.corp.example} any domain below it. With none
 * set, every domain is admitted, and anyone can have tokens mailed to any address on the internet.
 */
public record AllowedDomains(Set<String> patterns) {

    private static final String ANY_BELOW = "*.";

    public AllowedDomains {
        patterns = Set.copyOf(patterns);
    }

    public boolean admit(EmailAddress address) {
        if (patterns.isEmpty()) {
            return true;
        }
        String domain = address.value().substring(address.value().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            boolean admitted = pattern.startsWith(ANY_BELOW)
                    ? domain.endsWith(pattern.substring(1))
                    : domain.equals(pattern);
            if (admitted) {
                return true;
            }
        }
        return false;
    }

    public boolean admitAny() {
        return patterns.isEmpty();
    }
}
