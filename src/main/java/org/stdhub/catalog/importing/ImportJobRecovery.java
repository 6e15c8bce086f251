package org.stdhub.catalog.importing;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, right after {@link CatalogStartup} (which finished the import batches a stop cut short), finishes the
 * import jobs that were previewing or applying, before the platform reports ready: a stop never leaves an import
 * half-applied.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ImportJobRecovery implements ApplicationRunner {

    private final ImportJobs jobs;

    ImportJobRecovery(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.resumeInterrupted();
    }
}
