package org.stdhub.catalog.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.Classifications;
import org.stdhub.catalog.search.CatalogIndexer;
import org.stdhub.platform.StdHubProperties;

/**
 * Brings the catalog up before the platform reports ready: classification tables, imports a crash cut short,
 * the shipped standards on first start, and a search index that matches the database.
 *
 * <p>The standards and the index are loaded on a thread of their own, so that the start-up work of other modules
 * that does not need the catalog (the runners ordered before {@link ImportJobRecovery}: accounts, demo data of
 * development and talent) runs meanwhile; {@link ImportJobRecovery} waits for it ({@link #awaitLoaded()}) before
 * the runners that read the catalog, and Spring Boot reports ready only after the last runner. A failure fails
 * the start as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogStartup.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StandardImporter importer;
    private final ImportRecovery recovery;
    private final CatalogIndexer indexer;
    private final StdHubProperties properties;
    private final ShippedOverlays overlays;
    private final ImportJobs jobs;

    CatalogStartup(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            StandardImporter importer,
            ImportRecovery recovery,
            CatalogIndexer indexer,
            StdHubProperties properties,
            ShippedOverlays overlays,
            ImportJobs jobs) {
        this.overlays = overlays;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.tx = tx;
        this.importer = importer;
        this.recovery = recovery;
        this.indexer = indexer;
        this.properties = properties;
    }

    /** Completed when the standards and the index are loaded (exceptionally when that failed). */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        loadClassifications();
        // an import a crash cut short: tell watchers what it did change (over several instances, not while another
        // instance imports: the batch is its own, and its instance is alive)
        if (!jobs.anotherInstanceImports()) {
            recovery.finishInterrupted();
        }
        Thread.ofPlatform().name("catalog-startup").daemon(true).start(() -> {
            try {
                loadStandards();
                log.info("catalog loaded and searchable {} s after its start-up began", seconds(start));
                loaded.complete(null);
            } catch (Throwable e) {
                loaded.completeExceptionally(e);
            }
        });
    }

    /** Waits until the standards and the search index are loaded; rethrows what made loading fail. */
    void awaitLoaded() {
        long start = System.nanoTime();
        try {
            loaded.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("loading the catalog failed", cause);
        }
        log.info("start-up waited {} s for the catalog", seconds(start));
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    private void loadStandards() throws IOException {
        // seed until one import has finished: an interrupted first start is completed by the next one
        boolean seeded = properties.seed().enabled() && finishedImports() == 0;
        if (seeded) {
            seed();
        }
        // fields other sources add to shipped standards (seed/overlaps), once
        overlays.mergeOnce(seeded);
        long standards = count();
        if (properties.search().reindexOnStart()) {
            String stale = indexer.staleReason(standards);
            if (stale != null) {
                log.info("search index {} ({} standards): rebuilding", stale, standards);
                indexer.rebuild();
            }
        }
    }

    private long finishedImports() {
        Long n = jdbc.queryForObject("select count(*) from import_batch where status = 'finished'", Long.class);
        return n == null ? 0 : n;
    }

    private long count() {
        Long n = jdbc.queryForObject("select count(*) from standard", Long.class);
        return n == null ? 0 : n;
    }

    private void loadClassifications() {
        Long ics = jdbc.queryForObject("select count(*) from ics_class", Long.class);
        if (ics != null && ics > 0) {
            return;
        }
        Classifications classes = Classifications.get();
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "insert into ics_class (code, parent_code, level, title_en, title_en_full, title_zh) values (?, ?, ?, ?, ?, ?)",
                    new ArrayList<>(classes.allIcs()),
                    500,
                    (ps, c) -> {
                        ps.setString(1, c.code());
                        ps.setString(2, c.parent());
                        ps.setInt(3, c.level());
                        ps.setString(4, c.titleEn());
                        ps.setString(5, c.note());
                        ps.setString(6, c.titleZh());
                    });
            jdbc.batchUpdate(
                    "insert into ccs_class (code, parent_code, level, title_zh, note) values (?, ?, ?, ?, ?)",
                    new ArrayList<>(classes.allCcs()),
                    500,
                    (ps, c) -> {
                        ps.setString(1, c.code());
                        ps.setString(2, c.parent());
                        ps.setInt(3, c.level());
                        ps.setString(4, c.titleZh());
                        ps.setString(5, c.note());
                    });
        });
        log.info(
                "loaded {} ICS and {} CCS classes",
                classes.allIcs().size(),
                classes.allCcs().size());
    }

    private void seed() throws IOException {
        String location = properties.seed().location();
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>();
        files.addAll(Arrays.asList(resolver.getResources(location + "*.jsonl.gz")));
        files.addAll(Arrays.asList(resolver.getResources(location + "*.jsonl")));
        // Chinese files first, so that relations from them to ISO/IEC are linked in the same job either way
        files.sort(Comparator.comparing(Resource::getFilename));
        if (files.isEmpty()) {
            log.warn("no seed files found at {}", location);
            return;
        }
        log.info("first start: loading {} seed files from {}", files.size(), location);
        List<StandardImporter.Source> sources = new ArrayList<>();
        try {
            for (Resource file : files) {
                sources.add(
                        new StandardImporter.Source(file.getInputStream(), file.getFilename(), file.contentLength()));
            }
            importer.importStreams(sources);
        } finally {
            for (StandardImporter.Source source : sources) {
                source.in().close();
            }
        }
    }
}
