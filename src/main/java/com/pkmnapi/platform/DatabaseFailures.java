package com.pkmnapi.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure that says the database connection is gone (refused, closed, reset, the server
 * shutting down) from the failures of a statement, on each database. The answer comes from the
 * failure alone; {@link DatabaseHealth} asks the database itself where the failure does not say.
 */
public final class DatabaseFailures {

    /**
     * SQLStates of a lost connection besides class 08 (connection exception): PostgreSQL's
     * admin_shutdown, crash_shutdown and cannot_connect_now (57P01 to 57P03), which a server that
     * is stopped or restarting answers.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseFailures() {
    }

    /** Whether the failure, or one of its causes, is a connection to the database that failed or broke. */
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionLoss(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean isConnectionLoss(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLNonTransientConnectionException || sql instanceof SQLTransientConnectionException
                || sql instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)));
    }
}
