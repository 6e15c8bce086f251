package org.stdhub.bench;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stdhub.bench.QuerySet.BenchQuery;
import org.stdhub.bench.QuerySet.CatalogRow;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.catalog.search.CatalogIndexer;
import org.stdhub.catalog.search.ImportIndexing;
import org.stdhub.platform.StdHubCommand;

/**
 * {@code bench}: imports the catalog (shipped, or synthetic of the given size) into an empty data directory,
 * or reuses the one there, then measures search side by side and writes a Markdown report. See
 * docs/benchmarks.md and bench/run.sh.
 */
@Component
class BenchCommand implements StdHubCommand {

    /** ImportIndexing's last line: the indexing left once the last record is written (it runs beside the writing). */
    private static final Pattern INDEX_TAIL = Pattern.compile("after its last batch, ([0-9.]+) s to finish");

    private final CatalogService catalog;
    private final StandardImporter importer;
    private final CatalogIndexer indexer;
    private final JdbcTemplate jdbc;
    private final EntityManagerFactory emf;
    private final ApplicationContext context;
    private final Environment environment;

    BenchCommand(
            CatalogService catalog,
            StandardImporter importer,
            CatalogIndexer indexer,
            JdbcTemplate jdbc,
            EntityManagerFactory emf,
            ApplicationContext context,
            Environment environment) {
        this.catalog = catalog;
        this.importer = importer;
        this.indexer = indexer;
        this.jdbc = jdbc;
        this.emf = emf;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return BenchOptions.USAGE;
    }

    /** What the import of this run measured (null fields when the catalog was reused). */
    record ImportFigures(
            long lines,
            int read,
            int inserted,
            int rejected,
            double totalSeconds,
            Double indexSeconds,
            double generateSeconds,
            String synthetic) {

        double recordsPerSecond() {
            return read / totalSeconds;
        }

        Double databaseRecordsPerSecond() {
            return indexSeconds == null ? null : read / (totalSeconds - indexSeconds);
        }
    }

    @Override
    public int run(List<String> args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + usage());
            return 2;
        }
        Path dataDir = Path.of(environment.getRequiredProperty("stdhub.data-dir-absolute"));
        boolean openSearch = options.backend().equals(BenchOptions.OPENSEARCH);
        String backendType = environment.getProperty("spring.jpa.properties.hibernate.search.backend.type", "lucene");
        if (openSearch != backendType.equals("elasticsearch")) {
            System.err.println(
                    openSearch
                            ? "--backend opensearch measures the cluster profile: start with --spring.profiles.active=cluster"
                                    + " and STDHUB_SEARCH_HOSTS=host:port of the OpenSearch node"
                            : "the application runs on the " + backendType + " backend: pass --backend opensearch");
            return 2;
        }
        Report report = new Report(options, dataDir);
        if (openSearch) {
            report.backend("OpenSearch at "
                    + environment.getProperty("spring.jpa.properties.hibernate.search.backend.hosts")
                    + " (Hibernate Search's Elasticsearch backend, profile cluster)");
        }
        log("data directory " + dataDir);

        // 1. the catalog
        long count = catalog.count();
        ImportFigures imported = null;
        if (count == 0) {
            imported = importCatalog(options, dataDir);
            count = catalog.count();
        } else {
            long synthetic = countSynthetic();
            boolean matches = options.records() == 0
                    ? synthetic == 0
                    : synthetic > 0 && Math.abs(count - options.records()) <= 100;
            if (!matches) {
                System.err.println("The data directory " + dataDir + " holds " + count + " standards (" + synthetic
                        + " synthetic), not the catalog asked for (--records "
                        + (options.records() == 0 ? "shipped" : options.records())
                        + "). Use an empty --stdhub.data-dir (bench/run.sh does).");
                return 2;
            }
            log("reusing the catalog of " + count + " standards in the data directory (import not measured)");
        }
        long indexed = indexer.indexedCount();
        if (indexed != count) {
            log("index holds " + indexed + " of " + count + " standards: rebuilding");
            indexer.rebuild();
        }
        Double rebuildSeconds = null;
        if (options.rebuild()) {
            log("timing a full index rebuild");
            long start = System.nanoTime();
            indexer.rebuild();
            rebuildSeconds = (System.nanoTime() - start) / 1e9;
        }
        Double mergeSeconds = null;
        if (options.mergeSegments()) {
            log("merging the index into one segment");
            long start = System.nanoTime();
            Search.mapping(emf).scope(Standard.class).workspace().mergeSegments();
            mergeSeconds = (System.nanoTime() - start) / 1e9;
        }
        Path indexDir = dataDir.resolve("index").resolve("standard");
        report.catalog(
                count,
                imported,
                rebuildSeconds,
                directorySize(indexDir),
                directorySize(dataDir) - directorySize(dataDir.resolve("index")));
        report.segments(openSearch ? 0 : LuceneTarget.segments(indexDir), mergeSeconds);

        // 2. the queries, from the real records
        List<CatalogRow> rows = new ArrayList<>();
        jdbc.query(
                "select designation, work_key, title_zh, title_en from standard where source not like ?"
                        + " order by designation, id",
                rs -> {
                    rows.add(new CatalogRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                },
                SyntheticCatalog.SYNTHETIC_SOURCE + "%");
        Set<String> shared = new HashSet<>(
                jdbc.queryForList("select work_key from standard group by work_key having count(*) > 1", String.class));
        List<BenchQuery> queries = QuerySet.build(rows, shared, options.perKind(), options.seed());
        log(queries.size() + " queries from " + rows.size() + " real standards");
        report.queries(queries);

        // 3. PostgreSQL copy of the same rows
        PostgresTargets postgres = null;
        if (options.postgres()) {
            postgres = new PostgresTargets(options.pgUrl());
            try {
                report.postgresVersion(postgres.version());
                log("PostgreSQL: loading " + count + " rows into " + PostgresTargets.table(count));
                String fingerprint =
                        "stdhub-bench v1 rows=" + count + " records=" + options.records() + " seed=" + options.seed();
                report.postgresLoad(postgres.load(jdbc, count, fingerprint, options.pgReload()));
            } catch (java.sql.SQLException e) {
                System.err.println("PostgreSQL is not available (" + e.getMessage() + "); run with --no-pg to skip it");
                return 1;
            }
        }

        // 4. measurements
        int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
                .getWebServer()
                .getPort();
        int all = queries.size();
        if (openSearch) {
            // no Lucene floor here: the index is in OpenSearch, reached over HTTP by Hibernate Search
            try (ServiceTarget service = new ServiceTarget(catalog, true);
                    HttpTarget http = new HttpTarget(port, "StdHub API over HTTP, 1 client thread");
                    HttpTarget http2 = new HttpTarget(port, "StdHub API over HTTP, 2 client threads");
                    ServiceTarget hits = new ServiceTarget(catalog, false)) {
                log("JIT warm-up");
                Harness.run(service, queries, 0, 1, 1);
                Harness.run(http, queries.subList(0, Math.min(all, 300)), 0, 1, 1);
                int warm = Math.min(all, 300);
                report.add(measure(service, queries, warm, options.passes(), 1));
                report.add(measure(http, queries, warm, options.passes(), 1));
                report.add(measure(http2, queries, warm, options.passes(), 2));
                report.add(measure(hits, queries, warm, options.passes(), 1));
            }
        } else {
            try (ServiceTarget service = new ServiceTarget(catalog, true);
                    HttpTarget http = new HttpTarget(port, "StdHub API over HTTP, 1 client thread");
                    HttpTarget http2 = new HttpTarget(port, "StdHub API over HTTP, 2 client threads");
                    LuceneTarget lucene = new LuceneTarget(indexDir, searchAnalyzer());
                    ServiceTarget hits = new ServiceTarget(catalog, false);
                    HibernateSearchTarget hs = new HibernateSearchTarget(emf, lucene)) {
                log("JIT warm-up");
                List<BenchQuery> first = queries.subList(0, Math.min(all, 300));
                Harness.run(service, queries, 0, 1, 1);
                Harness.run(http, first, 0, 1, 1);
                Harness.run(lucene, queries, 0, 1, 1);

                int warm = Math.min(all, 300);
                report.add(measure(service, queries, warm, options.passes(), 1));
                report.add(measure(http, queries, warm, options.passes(), 1));
                report.add(measure(http2, queries, warm, options.passes(), 2));
                report.add(measure(lucene, queries, warm, options.passes(), 1));
                report.add(measure(hits, queries, warm, options.passes(), 1));
                report.add(measure(hs, queries, warm, options.passes(), 1));
            }
        }
        if (postgres != null) {
            List<BenchQuery> pgQueries = queries.subList(0, Math.min(all, options.pgQueries()));
            int warm = Math.min(pgQueries.size(), 50);
            try (SearchTarget ilike = postgres.ilike(count)) {
                report.add(measure(ilike, pgQueries, warm, options.pgPasses(), 1));
            }
            if (options.similarity()) {
                try (SearchTarget similarity = postgres.similarity(count)) {
                    report.add(measure(similarity, pgQueries, warm, options.pgPasses(), 1));
                }
            }
        }

        // 5. the report
        report.machine(h2Version(), org.apache.lucene.util.Version.LATEST.toString());
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(options.results());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = options.results()
                .resolve(
                        stamp + "-" + (options.records() == 0 ? "shipped" : String.valueOf(options.records())) + ".md");
        Files.writeString(file, markdown);
        log("report written to " + file.toAbsolutePath());
        return 0;
    }

    /**
     * The catalog index's search analyzer as Hibernate Search's Lucene backend built it from the product's
     * analysis configuration: per field, the analyzer the service's match predicates apply to the query text.
     */
    private Analyzer searchAnalyzer() {
        return Search.mapping(emf)
                .indexedEntity(Standard.class)
                .indexManager()
                .unwrap(LuceneIndexManager.class)
                .searchAnalyzer();
    }

    private static Harness.Result measure(
            SearchTarget target, List<BenchQuery> queries, int warmup, int passes, int threads) throws Exception {
        log("measuring " + target.name() + " (" + passes + " × " + queries.size() + " queries, " + threads + " thread"
                + (threads > 1 ? "s" : "") + ")");
        Harness.Result r = Harness.run(target, queries, warmup, passes, threads);
        log(String.format(
                "  p50 %.2f ms, p99 %.2f ms, %.0f queries/s, %d errors",
                r.all().p50(), r.all().p99(), r.throughput(), r.errors()));
        return r;
    }

    private long countSynthetic() {
        Long n = jdbc.queryForObject(
                "select count(*) from standard where source like ?",
                Long.class,
                SyntheticCatalog.SYNTHETIC_SOURCE + "%");
        return n == null ? 0 : n;
    }

    /** Imports through StdHub's importer, timing it; the index rebuild it triggers is read from its log. */
    private ImportFigures importCatalog(BenchOptions options, Path dataDir) throws IOException {
        List<StandardImporter.Source> sources = new ArrayList<>();
        double generateSeconds = 0;
        String synthetic = null;
        Path generated = null;
        long lines;
        if (options.records() == 0) {
            lines = 0;
            for (Resource r : SyntheticCatalog.seedFiles()) {
                sources.add(new StandardImporter.Source(r.getInputStream(), r.getFilename(), r.contentLength()));
            }
        } else {
            generated = dataDir.resolve("bench-synthetic-" + options.records() + ".jsonl");
            log("generating " + options.records() + " records into " + generated);
            long start = System.nanoTime();
            SyntheticCatalog.Generated g = new SyntheticCatalog().write(generated, options.records(), options.seed());
            generateSeconds = (System.nanoTime() - start) / 1e9;
            lines = g.records();
            synthetic = String.format(
                    "%,d lines: %,d shipped + %,d clones in %d rounds (%,d clone candidates skipped)",
                    g.records(), g.shipped(), g.clones(), g.rounds(), g.skipped());
            log(synthetic + String.format(", %.1f s, %,d MB", generateSeconds, Files.size(generated) >> 20));
            sources.add(new StandardImporter.Source(
                    Files.newInputStream(generated), generated.getFileName().toString(), Files.size(generated)));
        }
        log("importing through StandardImporter.importStreams");
        List<Double> indexTail = new ArrayList<>();
        var appender = captureIndexerLog(indexTail);
        ImportReport report;
        try {
            report = importer.importStreams(sources);
        } finally {
            appender.run();
            for (StandardImporter.Source s : sources) {
                s.in().close();
            }
            if (generated != null) {
                Files.deleteIfExists(generated);
            }
        }
        if (lines == 0) {
            lines = report.read();
        }
        double total = report.duration().toMillis() / 1000.0;
        Double index = indexTail.isEmpty() ? null : indexTail.getLast();
        log(String.format(
                "imported %,d of %,d records (%d rejected) in %.1f s: %.0f records/s%s",
                report.inserted(),
                report.read(),
                report.rejected(),
                total,
                report.recordsPerSecond(),
                index == null ? "" : String.format(" (indexing left after the last batch: %.1f s)", index)));
        return new ImportFigures(
                lines, report.read(), report.inserted(), report.rejected(), total, index, generateSeconds, synthetic);
    }

    /** Listens to ImportIndexing's "after its last batch, N s to finish"; returns what detaches the listener. */
    private static Runnable captureIndexerLog(List<Double> seconds) {
        if (!(LoggerFactory.getLogger(ImportIndexing.class) instanceof ch.qos.logback.classic.Logger logger)) {
            return () -> {};
        }
        var appender = new ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent>() {
            @Override
            protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
                Matcher m = INDEX_TAIL.matcher(event.getFormattedMessage());
                if (m.find()) {
                    seconds.add(Double.parseDouble(m.group(1)));
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        return () -> {
            logger.detachAppender(appender);
            appender.stop();
        };
    }

    private String h2Version() {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion();
        } catch (Exception e) {
            return "?";
        }
    }

    static long directorySize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    static double physicalMemoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return Double.NaN;
    }
}
