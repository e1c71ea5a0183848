package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApplicationResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes sure an address has its mailbox row, outside the caller's transaction, so that the caller
 * can then lock that row. Two first requests for one address may race to insert it: the primary
 * key lets one win, and the loser finds the winner's row. Plain JDBC in auto-commit, so that the
 * loser's duplicate key is a quiet, expected outcome rather than a failed JPA flush that the
 * provider logs as an error.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Mailboxes {

    /** SQLState class 23: integrity constraint violation, here the primary key. */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    @Resource(lookup = ApplicationResources.DATA_SOURCE)
    DataSource dataSource;

    public void ensureExists(String normalizedAddress) {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, normalizedAddress)) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO MAILBOX (EMAIL_ADDRESS, DELETION_CODE_FAILURES) VALUES (?, 0)")) {
                insert.setString(1, normalizedAddress);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicate(e) || !exists(connection, normalizedAddress)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            if (LockWaits.ranOut(e)) {
                // the row exists and another request holds it: that request's answer comes first
                throw new MailboxBusy(e);
            }
            throw new IllegalStateException("Could not create the mailbox row", e);
        }
    }

    private static boolean exists(Connection connection, String normalizedAddress) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT EMAIL_ADDRESS FROM MAILBOX WHERE EMAIL_ADDRESS = ?")) {
            select.setString(1, normalizedAddress);
            return select.executeQuery().next();
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION);
    }
}
