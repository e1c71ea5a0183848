/**
 * What the service keeps: the access tokens (as SHA-256 digests, never in plain form) and, per
 * address, its mailbox state: when mails were last sent and the pending deletion code's digest.
 */
package com.pkmnapi.accesstokens.entity;
