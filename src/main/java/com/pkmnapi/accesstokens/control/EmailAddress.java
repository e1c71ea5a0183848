package com.pkmnapi.accesstokens.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address the service will mail to. It is matched case-insensitively: {@link #normalized()} is
 * the form kept in the database; mail goes to the address as it was given.
 *
 * <p>Accepted: a mailbox, not a route: a dot-atom local part of at most 64 letters, digits and
 * {@code . _ + -}, and a domain of letters, digits and hyphens, 254 characters in all. The other
 * characters RFC 5322 allows in a dot-atom are refused, since relays read some of them as routes
 * ({@code me%outside.example@corp.example} under Postfix's {@code allow_percent_hack}, bang paths
 * with {@code !}) and would deliver outside the allowed domains; so are quoted local parts, address
 * literals, non-ASCII addresses and anything with a CR or LF, which could smuggle headers into a
 * mail.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public EmailAddress {
        if (!isValid(value)) {
            throw new InvalidEmailAddress(value);
        }
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.lastIndexOf('@');
        if (at < 1 || at > MAX_LOCAL_LENGTH || at == value.length() - 1) {
            return false;
        }
        return LOCAL.matcher(value.substring(0, at)).matches() && DOMAIN.matcher(value.substring(at + 1)).matches();
    }

    /** Whether the local part has a {@code +tag}, as in {@code alice+ci@corp.example}. */
    public boolean hasTag() {
        return value.substring(0, value.lastIndexOf('@')).indexOf('+') >= 0;
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
