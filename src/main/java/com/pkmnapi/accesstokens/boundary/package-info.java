/**
 * The HTTP face of access tokens: the resource, the request envelope and its reader, and the
 * mapping of each refusal to its JSON error.
 */
package com.pkmnapi.accesstokens.boundary;
