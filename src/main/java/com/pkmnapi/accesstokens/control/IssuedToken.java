package com.pkmnapi.accesstokens.control;

import java.time.Instant;

/**
 * A token recorded and not yet mailed: what the mail needs, and what undoing it needs (the re-send
 * window as it was before).
 *
 * @param previousTokenMail the address's last token mail before this one, or null
 */
public record IssuedToken(String id, String token, EmailAddress address, Instant sentAt, Instant previousTokenMail) {

    @Override
    public String toString() {
        // never the token itself, should this ever be logged
        return "IssuedToken[" + id + "]";
    }
}
