/**
 * Cross-cutting pieces every feature shares: the settings read from the environment, the catalogue
 * of errors and their JSON envelope, and the HTTP edge (the {@code Server} header, the request body cap, error pages,
 * the per-client rate limits), and the application-owned database and mail resources.
 */
package com.pkmnapi.platform;
