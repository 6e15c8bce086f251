package org.stdhub.platform;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Over several instances (the cluster profile) event publications whose listener failed — or whose instance died
 * while it ran them, marked failed once stale ({@code spring.modulith.events.staleness.*}) — are delivered again
 * every {@code stdhub.events.resubmit-poll} (1 min) by one instance at a time, instead of by every instance that
 * restarts (which would also take the ones other instances are running now). The listeners are idempotent. On a
 * single instance nothing happens here: a restart delivers them again
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class FailedEventResubmission {

    private final ObjectProvider<FailedEventPublications> failed;
    private final ClusterNode node;

    FailedEventResubmission(ObjectProvider<FailedEventPublications> failed, ClusterNode node) {
        this.failed = failed;
        this.node = node;
    }

    @Scheduled(
            fixedDelayString = "${stdhub.events.resubmit-poll:1m}",
            initialDelayString = "${stdhub.events.resubmit-poll:1m}")
    @SchedulerLock(
            name = "events.resubmit-failed",
            lockAtMostFor = "PT10M",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void scheduled() {
        if (node.clustered()) {
            failed.ifAvailable(f -> f.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofMinutes(1))));
        }
    }
}
