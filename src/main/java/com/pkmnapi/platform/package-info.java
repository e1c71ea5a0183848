/**
 * Cross-cutting pieces every feature shares: the settings read from the environment, the JSON
 * error envelope and the HTTP edge (the {@code Server} header, the request body cap, error pages,
 * the per-client rate limits), and the application-owned database and mail resources.
 */
package com.pkmnapi.platform;
