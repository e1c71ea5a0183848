package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import java.time.Instant;

/** One live token as its owner's list shows it: never its secret or its digest. */
public record TokenSummary(String id, String name, Instant created, Instant lastUsed, Instant expires) {

    static TokenSummary of(AccessToken token) {
        return new TokenSummary(token.id(), token.name(), token.created(), token.lastUsed(), token.expires());
    }
}
