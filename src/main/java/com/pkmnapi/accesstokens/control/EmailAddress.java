package com.pkmnapi.accesstokens.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address the service will mail to. It is matched case-insensitively: {@link #normalized()} is
 * the form kept in the database; mail goes to the address as it was given.
 *
 * <p>Accepted: an RFC 5321 mailbox in ASCII, a dot-atom local part of at most 64 characters and a
 * domain of letters, digits and hyphens, 254 characters in all. Quoted local parts, address
 * literals and non-ASCII addresses are refused; so is anything with a CR or LF, which could
 * otherwise smuggle headers into a mail.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
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

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
