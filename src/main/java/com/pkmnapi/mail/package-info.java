/**
 * Mail as a component of its own: the container's mail session, a bounded number of SMTP
 * conversations at once, each under one deadline, sent while the caller waits or later with
 * retries. What a mail says is the caller's; the token feature composes its two mails.
 */
package com.pkmnapi.mail;
