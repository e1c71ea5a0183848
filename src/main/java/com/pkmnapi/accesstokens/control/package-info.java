/**
 * The token manager and what it needs: its short locked transactions (the ledger), the token and
 * code format, address rules, the token policy, the texts of its mails, the token cache, the
 * purge, and the refusals it answers with. Mail goes out through {@link com.pkmnapi.mail}.
 */
package com.pkmnapi.accesstokens.control;
