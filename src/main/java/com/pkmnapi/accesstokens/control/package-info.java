/**
 * The token manager and what it needs: the token and code format, address rules, the mails and
 * their delivery, and the refusals it answers with.
 */
package com.pkmnapi.accesstokens.control;
