/**
 * Test helpers that are deployed with the WAR and run inside the server: the mail session that
 * points at the tests' SMTP server, a probe into the database, and a POP3 reader.
 */
package com.pkmnapi.testsupport.container;
