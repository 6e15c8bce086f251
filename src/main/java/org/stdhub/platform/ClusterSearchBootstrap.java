package org.stdhub.platform;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Over several instances (the cluster profile), the start of Hibernate (the entity manager factory) runs on one
 * starting instance at a time: there Hibernate Search creates the shared search index when it is missing, or adds
 * new fields to it ({@code create-or-update}), and it does not guard that against another instance doing the same at
 * the same moment — two instances started together would both find the index missing and one would fail on creating
 * it ({@code resource_already_exists_exception}). A PostgreSQL session-level advisory lock of the schema ({@link
 * SessionAdvisoryLock}, its own key, not {@link ClusterStartup}'s), taken right before the factory is built (Flyway has migrated by
 * then) and given back right after it, or when the start fails; PostgreSQL also gives it back when the process dies.
 * The next instance then finds the index made and leaves it as it is. Nothing on a single instance.
 */
@Component
class ClusterSearchBootstrap implements BeanPostProcessor {

    /** The advisory lock's key: "StdI". */
    static final int KEY = 0x53746449;

    /** The bean Spring Boot builds Hibernate in. */
    static final String FACTORY = "entityManagerFactory";

    private final ObjectProvider<DataSource> dataSource;
    private final boolean clustered;
    private SessionAdvisoryLock held;

    ClusterSearchBootstrap(ObjectProvider<DataSource> dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.clustered = environment.getProperty("stdhub.cluster.enabled", Boolean.class, false);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (clustered && FACTORY.equals(beanName)) {
            lock();
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (FACTORY.equals(beanName)) {
            release();
        }
        return bean;
    }

    private synchronized void lock() {
        try {
            held = SessionAdvisoryLock.hold(dataSource.getObject(), KEY, "Hibernate starts, the search index")
                    .orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException("cluster: the start lock of Hibernate could not be taken", e);
        }
    }

    @EventListener(ApplicationFailedEvent.class)
    synchronized void release() {
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
