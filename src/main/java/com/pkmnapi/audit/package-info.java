/**
 * The audit trail: what happened to the tokens and who asked (issued, revoked, refused, failed
 * checks), kept in a table for the owners and written as JSON lines for a SIEM; never a secret.
 * The recorder and the store in {@code control}, the stored event in {@code entity}.
 */
package com.pkmnapi.audit;
