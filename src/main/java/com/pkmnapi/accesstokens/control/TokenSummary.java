package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import java.time.Instant;
import java.util.List;

/**
 * One live token as its owner's list shows it: never its secret or its digest.
 *
 * @param audience the services it is for; empty for every service
 */
public record TokenSummary(String id, String name, Instant created, Instant lastUsed, Instant expires,
        List<String> audience) {

    static TokenSummary of(AccessToken token) {
        return new TokenSummary(token.id(), token.name(), token.created(), token.lastUsed(), token.expires(),
                TokenAudience.fromStored(token.audience()));
    }
}
