/**
 * Mechanisms every feature shares, knowing none of them: reading settings through MicroProfile
 * Config ({@link com.pkmnapi.platform.ConfigValues}, with the platform's own: the HTTP edge, the
 * rate limits, the database), the catalogue of errors and their JSON envelope, the HTTP edge (the
 * {@code Server} header, the request body cap, CORS, error pages, the per-client rate limits,
 * whose refusals the guarded endpoint names), metrics, and the application-owned database and
 * mail resources.
 */
package com.pkmnapi.platform;
