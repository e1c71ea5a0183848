package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against a real (in-memory) Derby: its connections are closed under the wrapper, as a database
 * restart closes a pool's, and the wrapper must carry on between transactions only.
 */
class ReconnectingConnectionTest {

    private final List<Connection> made = new ArrayList<>();
    private final ReconnectingConnection.Connector connector = () -> {
        Connection connection = DriverManager.getConnection("jdbc:derby:memory:reconnecting;create=true");
        made.add(connection);
        return connection;
    };

    @Test
    void aConnectionClosedByTheDatabaseWhileIdleIsReplacedWithWhatWasSetOnIt() throws SQLException {
        Connection connection = ReconnectingConnection.connect(connector, Duration.ZERO);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        assertEquals(1, one(connection));
        connection.commit();

        killed(made.get(0));

        assertEquals(1, one(connection));
        assertEquals(2, made.size(), "connected anew");
        assertFalse(made.get(1).getAutoCommit());
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, made.get(1).getTransactionIsolation());
        connection.commit();
        connection.close();
        assertEquals(true, made.get(1).isClosed());
    }

    @Test
    void aConnectionThatIsBusyIsNotAskedAndOneThatIsAliveIsKept() throws SQLException {
        Connection connection = ReconnectingConnection.connect(connector, Duration.ofHours(1));
        assertEquals(1, one(connection));
        assertEquals(1, one(connection));
        assertEquals(1, made.size());

        Connection checked = ReconnectingConnection.connect(connector, Duration.ZERO);
        assertEquals(1, one(checked));
        assertEquals(1, one(checked));
        assertEquals(2, made.size(), "alive: kept after asking");
        connection.close();
        checked.close();
    }

    @Test
    void aTransactionWhoseConnectionBrokeFailsAndTheNextOneGetsANewConnection() throws SQLException {
        Connection connection = ReconnectingConnection.connect(connector, Duration.ofHours(1));
        connection.setAutoCommit(false);
        assertEquals(1, one(connection));

        killed(made.get(0));

        SQLException lost = assertThrows(SQLException.class, () -> one(connection));
        assertEquals("08003", lost.getSQLState(), "Derby: no current connection");
        assertEquals(1, made.size(), "not replaced inside the transaction");
        assertThrows(SQLException.class, connection::rollback);

        // busy (not idle), but it failed: the next transaction is on a new connection
        assertEquals(1, one(connection));
        assertEquals(2, made.size());
        connection.rollback();
        connection.close();
    }

    @Test
    void aStatementAnswersWithTheWrapperAsItsConnection() throws SQLException {
        Connection connection = ReconnectingConnection.connect(connector);
        try (PreparedStatement statement = connection.prepareStatement("VALUES 1")) {
            assertSame(connection, statement.getConnection());
        }
        connection.close();
    }

    private static int one(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("VALUES 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** What a database restart does to a pooled connection: closed at the other end. */
    private static void killed(Connection physical) throws SQLException {
        physical.rollback();
        physical.close();
    }
}
