package com.pkmnapi.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A connection to a database server that replaces its own network connection when that one is
 * dead, so that no pool hands out a connection the database has closed (after a restart or a
 * failover), whatever the server's pool validates. Before it is used again after more than
 * {@link #IDLE_CHECK} idle, or after one of its calls or statements failed with a lost connection
 * ({@link DatabaseFailures}), it asks the database ({@link Connection#isValid}) and, where that
 * fails, connects anew with what was set on it (auto-commit, isolation, read-only). It does so only
 * between transactions: a transaction whose connection broke fails, as it must.
 *
 * <p>The pools of both servers wrap the connections of {@link ConfiguredDataSource} and never see
 * the network connection behind, so this works the same on Payara and WildFly without a pool
 * setting. An idle connection costs one round trip when it is taken again; a busy one nothing.
 */
final class ReconnectingConnection implements InvocationHandler {

    private static final Logger LOG = Logger.getLogger(ReconnectingConnection.class.getName());
    static final Duration IDLE_CHECK = Duration.ofSeconds(1);
    private static final int VALID_TIMEOUT_SECONDS = 1;

    /** Makes a network connection. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final long idleCheckNanos;
    private volatile Connection physical;
    private volatile boolean suspect;
    private volatile boolean closed;
    private volatile boolean inTransaction;
    private volatile long lastUse = System.nanoTime();
    private boolean autoCommit = true;
    private Integer isolation;
    private Boolean readOnly;

    private ReconnectingConnection(Connection physical, Connector connector, Duration idleCheck) {
        this.physical = physical;
        this.connector = connector;
        this.idleCheckNanos = idleCheck.toNanos();
    }

    static Connection connect(Connector connector) throws SQLException {
        return connect(connector, IDLE_CHECK);
    }

    static Connection connect(Connector connector, Duration idleCheck) throws SQLException {
        Connection physical = connector.connect();
        if (physical == null) {
            return null;
        }
        return (Connection) Proxy.newProxyInstance(ReconnectingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ReconnectingConnection(physical, connector, idleCheck));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "reconnecting " + physical;
            case "close":
                closed = true;
                return call(method, args);
            case "isClosed":
                return closed || (boolean) call(method, args);
            case "isValid":
            case "unwrap":
            case "isWrapperFor":
            case "abort":
                return call(method, args);
            default:
                break;
        }
        ensureUsable();
        try {
            Object result = call(method, args);
            return result instanceof Statement statement ? statement(proxy, method.getReturnType(), statement) : result;
        } finally {
            // also where the call failed: a rollback on a dead connection ends its transaction too
            track(method.getName(), args);
            lastUse = System.nanoTime();
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(physical, args);
        } catch (InvocationTargetException e) {
            throw failed(e.getCause());
        }
    }

    /** Remembers a lost connection, and gives the failure back to throw. */
    private Throwable failed(Throwable failure) {
        if (failure instanceof SQLException sql && DatabaseFailures.isConnectionLoss(sql)) {
            suspect = true;
        }
        return failure;
    }

    private void track(String name, Object[] args) {
        switch (name) {
            case "setAutoCommit" -> {
                autoCommit = (boolean) args[0];
                inTransaction = false;
            }
            case "setTransactionIsolation" -> isolation = (int) args[0];
            case "setReadOnly" -> readOnly = (boolean) args[0];
            case "commit" -> inTransaction = false;
            case "rollback" -> inTransaction = inTransaction && args != null && args.length > 0;
            case "createStatement", "prepareStatement", "prepareCall" -> inTransaction = !autoCommit;
            default -> {
                // nothing to remember
            }
        }
    }

    /** Between transactions, a connection that failed or was idle long is checked, and made anew where it is dead. */
    private void ensureUsable() throws SQLException {
        if (closed || inTransaction || (!suspect && System.nanoTime() - lastUse < idleCheckNanos)) {
            return;
        }
        if (!suspect && isValid(physical)) {
            return;
        }
        Connection fresh = connector.connect();
        if (!autoCommit) {
            fresh.setAutoCommit(false);
        }
        if (isolation != null) {
            fresh.setTransactionIsolation(isolation);
        }
        if (readOnly != null) {
            fresh.setReadOnly(readOnly);
        }
        Connection dead = physical;
        physical = fresh;
        suspect = false;
        try {
            dead.close();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "A dead connection did not close cleanly", e);
        }
        LOG.fine("A dead database connection was replaced");
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The statement, so that a lost connection seen through it is remembered too. */
    private Object statement(Object connection, Class<?> type, Statement statement) {
        Class<?> face = type == CallableStatement.class || type == PreparedStatement.class ? type : Statement.class;
        return Proxy.newProxyInstance(ReconnectingConnection.class.getClassLoader(), new Class<?>[] {face},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "getConnection":
                            return connection;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw failed(e.getCause());
                    }
                });
    }
}
