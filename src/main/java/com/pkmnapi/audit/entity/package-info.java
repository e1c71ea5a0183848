/** The audit events as stored, and their queries. */
package com.pkmnapi.audit.entity;
