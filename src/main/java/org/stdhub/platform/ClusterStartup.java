package org.stdhub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Over several instances (the cluster profile), the start-up work that runs before an instance reports ready — the
 * first administrator, classification tables, the seed on first start, imports a crash cut short — runs on one
 * starting instance at a time: the instances started together on a new database do not all create the administrator
 * or load the seed. A PostgreSQL session-level advisory lock, taken when the context has started (before the
 * application runners) on a connection of its own and given back when the instance is ready or failed; PostgreSQL
 * also gives it back when the process dies. Nothing on a single instance.
 */
@Component
class ClusterStartup {

    private static final Logger log = LoggerFactory.getLogger(ClusterStartup.class);

    /** The advisory lock's key: "StdH" "ubSt" as two ints, shared by every StdHub instance of a database. */
    static final long KEY = 0x5374644855625374L;

    private final DataSource dataSource;
    private final ClusterNode node;
    private Connection holder;

    ClusterStartup(DataSource dataSource, ClusterNode node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    @EventListener(ApplicationStartedEvent.class)
    synchronized void beforeRunners() throws SQLException {
        if (!node.clustered()) {
            return;
        }
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            return;
        }
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            log.info("cluster: waiting for the other starting instances (start-up work runs on one at a time)");
            s.execute("select pg_advisory_lock(" + KEY + ")");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        holder = connection;
        log.info("cluster: {} does its start-up work", node.name());
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder;
                Statement s = connection.createStatement()) {
            s.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // closing the connection gives the lock back all the same
            log.warn("cluster: start-up lock not given back explicitly", e);
        } finally {
            holder = null;
        }
    }
}
