package org.stdhub.catalog.importing;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, once {@link CatalogStartup} has loaded the catalog (it finished the import batches a stop cut short
 * and loads the standards and the index on its own thread meanwhile), finishes the import jobs that were
 * previewing or applying, before the platform reports ready: a stop never leaves an import half-applied. Ordered
 * after the runners that do not need the catalog (accounts, development and talent demo data) and before those
 * that read it (consulting, programme and conformity demo data, commands).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 7)
class ImportJobRecovery implements ApplicationRunner {

    private final ImportJobs jobs;
    private final CatalogStartup startup;

    ImportJobRecovery(ImportJobs jobs, CatalogStartup startup) {
        this.jobs = jobs;
        this.startup = startup;
    }

    @Override
    public void run(ApplicationArguments args) {
        startup.awaitLoaded();
        jobs.resumeInterrupted();
    }
}
