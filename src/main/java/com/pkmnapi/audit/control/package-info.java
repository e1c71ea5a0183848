/**
 * Records audit events: each in the table and as a JSON line in the log {@code pkmnapi.audit};
 * failed token checks counted per client and minute; reads an address's events; purges old ones.
 */
package com.pkmnapi.audit.control;
