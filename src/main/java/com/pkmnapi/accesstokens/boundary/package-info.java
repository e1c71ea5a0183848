/**
 * The HTTP face of access tokens: the resources, the request envelope and its reader, the bearer
 * filter, and the public addresses that links in mails and {@code Location} start at.
 */
package com.pkmnapi.accesstokens.boundary;
