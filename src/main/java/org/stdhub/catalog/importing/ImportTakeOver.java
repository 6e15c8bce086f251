package org.stdhub.catalog.importing;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ClusterNode;
import org.stdhub.platform.SystemActor;

/**
 * Over several instances (the cluster profile), an import whose instance died — killed in the middle, its heartbeat
 * stopped for {@code stdhub.catalog.import-stale-after} — is taken over by one of the others and finished there
 * ({@link ImportJobs#takeOverStale()}); the job keeps its id, report and history. Looked for every {@code
 * stdhub.catalog.import-takeover-poll} (30 s), by one instance at a time. Nothing to do on a single instance: a
 * start finishes what the stop cut short ({@link ImportJobRecovery}).
 */
@Component
class ImportTakeOver {

    private final ImportJobs jobs;
    private final ClusterNode node;

    ImportTakeOver(ImportJobs jobs, ClusterNode node) {
        this.jobs = jobs;
        this.node = node;
    }

    @Scheduled(
            fixedDelayString = "${stdhub.catalog.import-takeover-poll:30s}",
            initialDelayString = "${stdhub.catalog.import-takeover-poll:30s}")
    @SchedulerLock(
            name = "catalog.import-takeover",
            lockAtMostFor = "PT30M",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void scheduled() {
        if (node.clustered()) {
            SystemActor.run(ImportJobs.ACTOR, jobs::takeOverStale);
        }
    }
}
