/**
 * Test helpers that are deployed with the WAR and run inside the server: the mail session that
 * points at the tests' SMTP server, a probe into the database, a POP3 reader, and a recorder of
 * the warnings and stack traces the server logs.
 */
package com.pkmnapi.testsupport.container;
