package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.DatabaseFailures;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a lock wait that ran out (or a deadlock), and an insert that lost a race, from other
 * database failures, on each database.
 */
final class LockWaits {

    /**
     * SQLStates of a lock wait that ended without the lock: Derby's time-out (40XL1, 40XL2) and
     * deadlock (40001, also PostgreSQL's and MariaDB's serialization failure), PostgreSQL's
     * lock_not_available (55P03) and query cancelled (57014), a JDBC query time-out (HYT00, HY008).
     */
    private static final Set<String> SQL_STATES = Set.of("40XL1", "40XL2", "40001", "55P03", "57014", "HYT00", "HY008");
    /** MySQL's and MariaDB's ER_LOCK_WAIT_TIMEOUT, whose SQLState is not specific. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    private LockWaits() {
    }

    static boolean ranOut(Throwable failure) {
        // a provider may report any failure of a locking read as a lock failure: a lost
        // connection is not a busy row, and is answered as the outage it is
        if (DatabaseFailures.isConnectionLoss(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && (SQL_STATES.contains(sql.getSQLState())
                    || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * An insert that lost to another transaction's insert of the same key (SQLState class 23,
     * integrity constraint violation): the concurrent case, like a lock wait that ran out.
     */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
