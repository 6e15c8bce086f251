package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.session.SessionRepository;

/**
 * The scheduled jobs' lock (ShedLock over table {@code shedlock}) on a real database: held once, refused while
 * held, free again when released, naming its holder. Sessions stay in memory outside the cluster profile.
 */
abstract class SchedulerLockContract {

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    abstract String lockName();

    @Test
    void aJobLockIsHeldOnceAndFreeAgainWhenReleased() {
        Optional<SimpleLock> first = locks.lock(lock(Duration.ZERO));
        assertThat(first).as("a free lock is taken").isPresent();
        assertThat(locks.lock(lock(Duration.ZERO))).as("a held lock is refused").isEmpty();
        assertThat(jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class, lockName()))
                .as("the row names this instance: host:pid")
                .endsWith(":" + ProcessHandle.current().pid());
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(lock(Duration.ZERO));
        assertThat(again).as("released, it is free again").isPresent();
        again.get().unlock();
    }

    @Test
    void aLockKeptAtLeastForAWhileIsRefusedRightAfterItsRun() {
        Optional<SimpleLock> run = locks.lock(lock(Duration.ofMinutes(1)));
        assertThat(run).isPresent();
        run.get().unlock();
        assertThat(locks.lock(lock(Duration.ofMinutes(1))))
                .as("the same tick on another instance, a moment later, does not run again")
                .isEmpty();
    }

    @Test
    void sessionsStayInMemoryOutsideTheClusterProfile() {
        assertThat(context.getBeanProvider(SessionRepository.class).getIfAvailable())
                .as("no Spring Session repository: the servlet container's own sessions")
                .isNull();
    }

    @Test
    void failedEventPublicationsCanBeDeliveredAgainByOneInstance() {
        assertThat(context.getBeanProvider(FailedEventPublications.class).getIfAvailable())
                .as("Spring Modulith's registry, which FailedEventResubmission drives in the cluster profile")
                .isNotNull();
        assertThat(context.getBean(ClusterNode.class).clustered())
                .as("a single instance outside the cluster profile")
                .isFalse();
    }

    private LockConfiguration lock(Duration atLeast) {
        return new LockConfiguration(
                Instant.now(), lockName() + (atLeast.isZero() ? "" : ".least"), Duration.ofMinutes(5), atLeast);
    }
}
