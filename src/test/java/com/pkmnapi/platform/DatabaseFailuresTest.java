package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void aConnectionExceptionOrAServerGoingAwayIsALostConnectionWhereverItIsInTheChain() {
        // PostgreSQL: connection refused (08001), I/O error on a closed connection (08006), stopped (57P01)
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P03"}) {
            assertTrue(DatabaseFailures.isConnectionLoss(new PersistenceException(new SQLException("lost", state))), state);
        }
        // MariaDB's driver says it by type
        assertTrue(DatabaseFailures.isConnectionLoss(new EJBException(new PersistenceException(
                new SQLNonTransientConnectionException("Socket has closed")))));
    }

    @Test
    void aLockWaitADuplicateKeyOrABugIsNot() {
        assertFalse(DatabaseFailures.isConnectionLoss(new PersistenceException(new SQLException("lock", "55P03"))));
        assertFalse(DatabaseFailures.isConnectionLoss(new PersistenceException(new SQLException("dup", "23505"))));
        assertFalse(DatabaseFailures.isConnectionLoss(new SQLException("no state")));
        assertFalse(DatabaseFailures.isConnectionLoss(new IllegalStateException("a bug")));
    }
}
