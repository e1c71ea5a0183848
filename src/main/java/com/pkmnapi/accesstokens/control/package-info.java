/**
 * The token manager and what it needs: its short locked transactions (the ledger), the token and
 * code format, address rules, the mails and their bounded delivery, the token cache, the purge,
 * and the refusals it answers with.
 */
package com.pkmnapi.accesstokens.control;
