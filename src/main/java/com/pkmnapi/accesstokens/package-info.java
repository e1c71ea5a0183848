/**
 * Passwordless access tokens delivered by mail: ask for a token with an address, get it by mail,
 * revoke every token of the address with a code that is mailed too. Resources in {@code boundary},
 * the token manager and its helpers in {@code control}, the stored state in {@code entity}.
 */
package com.pkmnapi.accesstokens;
