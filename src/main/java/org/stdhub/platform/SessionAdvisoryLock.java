package org.stdhub.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session-level advisory lock held on a connection of its own until {@link #close()}; PostgreSQL also
 * gives it back when the process holding it dies. The lock is one per purpose ({@code key}) and per schema of the
 * database ({@code hashtext(current_schema())}): StdHub deployments in other schemas of the same database do not wait
 * for each other. On another database than PostgreSQL there is nothing to lock ({@link #hold} answers empty).
 */
final class SessionAdvisoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionAdvisoryLock.class);

    private final Connection connection;
    private final int key;
    private final String purpose;

    private SessionAdvisoryLock(Connection connection, int key, String purpose) {
        this.connection = connection;
        this.key = key;
        this.purpose = purpose;
    }

    /** Waits for the lock {@code key} of this schema and holds it; {@code purpose} names it in the log. */
    static Optional<SessionAdvisoryLock> hold(DataSource dataSource, int key, String purpose) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return Optional.empty();
            }
            connection.setAutoCommit(true);
            log.info("cluster: waiting for the other starting instances ({})", purpose);
            try (PreparedStatement s =
                    connection.prepareStatement("select pg_advisory_lock(?, hashtext(current_schema()))")) {
                s.setInt(1, key);
                s.execute();
            }
            return Optional.of(new SessionAdvisoryLock(connection, key, purpose));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Gives the lock back and closes its connection (closing alone would give it back all the same). */
    @Override
    public void close() {
        try (Connection c = connection;
                PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?, hashtext(current_schema()))")) {
            s.setInt(1, key);
            s.execute();
        } catch (SQLException e) {
            log.warn("cluster: the lock of {} not given back explicitly (closing its connection does)", purpose, e);
        }
    }
}
