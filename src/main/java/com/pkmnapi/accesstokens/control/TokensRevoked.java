package com.pkmnapi.accesstokens.control;

/**
 * Tokens were revoked: one by its id, or every token of an address. Fired inside the revoking
 * transaction; the {@link TokenCache} forgets them once it has committed.
 */
public record TokensRevoked(String tokenId, String emailAddress) {

    static TokensRevoked one(String tokenId) {
        return new TokensRevoked(tokenId, null);
    }

    static TokensRevoked allOf(String normalizedAddress) {
        return new TokensRevoked(null, normalizedAddress);
    }

    boolean covers(VerifiedToken token) {
        return token.id().equals(tokenId) || token.emailAddress().equals(emailAddress);
    }
}
