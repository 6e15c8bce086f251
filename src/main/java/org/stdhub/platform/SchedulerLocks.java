package org.stdhub.platform;

import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every scheduled job ({@code @Scheduled} with {@code @SchedulerLock}) runs on one instance at a time: ShedLock's
 * JDBC provider keeps a lock row per job in table {@code shedlock}, timed by the database's clock (so the instances'
 * clocks need not agree). The same on every profile: on the embedded default there is one instance and the lock is
 * always free. The row names the instance that holds it ({@link ClusterNode#name()}); each run is logged at debug level by {@code org.stdhub.platform.SchedulerLocks}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLocks {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLocks.class);

    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource, ClusterNode node) {
        String instance = node.name();
        LockProvider jdbc = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(instance)
                .usingDbTime()
                .build());
        return configuration -> logged(jdbc.lock(configuration), configuration, instance);
    }

    private static Optional<SimpleLock> logged(
            Optional<SimpleLock> lock, LockConfiguration configuration, String instance) {
        if (log.isDebugEnabled()) {
            if (lock.isPresent()) {
                log.debug("scheduled job {} runs on {}", configuration.getName(), instance);
            } else {
                log.debug(
                        "scheduled job {} skipped on {}: another instance runs it", configuration.getName(), instance);
            }
        }
        return lock;
    }
}
