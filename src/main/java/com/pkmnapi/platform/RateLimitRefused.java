package com.pkmnapi.platform;

/**
 * A request that the per-client limit refused with a 429, before its body was read, fired for the
 * features that keep a record of refusals.
 *
 * @param refusal what the endpoint declared its refusals to be ({@link RateLimited#refusal()})
 */
public record RateLimitRefused(String refusal) {
}
