package org.stdhub.platform;

import java.sql.SQLException;
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
 * or load the seed. A PostgreSQL session-level advisory lock of the schema ({@link SessionAdvisoryLock}), taken when
 * the context has started (before the application runners) and given back when the instance is ready or failed;
 * PostgreSQL also gives it back when the process dies. Nothing on a single instance.
 */
@Component
class ClusterStartup {

    private static final Logger log = LoggerFactory.getLogger(ClusterStartup.class);

    /** The advisory lock's key: "StdS", shared by every StdHub instance of a database schema. */
    static final int KEY = 0x53746453;

    private final DataSource dataSource;
    private final ClusterNode node;
    private SessionAdvisoryLock held;

    ClusterStartup(DataSource dataSource, ClusterNode node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    @EventListener(ApplicationStartedEvent.class)
    synchronized void beforeRunners() throws SQLException {
        if (!node.clustered()) {
            return;
        }
        held = SessionAdvisoryLock.hold(dataSource, KEY, "start-up work runs on one at a time")
                .orElse(null);
        if (held != null) {
            log.info("cluster: {} does its start-up work", node.name());
        }
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    synchronized void release() {
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
