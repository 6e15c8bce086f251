package org.stdhub.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Arguments of {@code bench}.
 *
 * @param records catalog size: 0 = the shipped records as they are; more = shipped records plus synthetic
 *     clones up to this many (the data directory must be empty or already hold exactly this catalog)
 * @param perKind queries of each kind (sloppy designation, English fragment, Chinese fragment)
 * @param passes measured passes over the query set for the in-JVM and HTTP systems
 * @param pgPasses measured passes for PostgreSQL (slow at 1M)
 * @param pgQueries how many of the queries (the first of the interleaved set) PostgreSQL runs
 * @param seed seed of the query sampling and of the synthetic catalog
 * @param postgres whether to measure PostgreSQL
 * @param pgUrl JDBC URL of the PostgreSQL database
 * @param pgReload reload the PostgreSQL copy even when it matches
 * @param rebuild also time an explicit full index rebuild after the import
 * @param mergeSegments merge the index into one segment before measuring (an experiment, timed)
 * @param similarity also measure pg_trgm similarity (slow); without it PostgreSQL runs ILIKE only
 * @param backend {@code lucene} (the embedded index) or {@code opensearch} (the application started with the
 *     {@code cluster} profile): only the embedded one has the Lucene floor and Hibernate Search diagnostics
 * @param results folder for the report
 */
record BenchOptions(
        long records,
        int perKind,
        int passes,
        int pgPasses,
        int pgQueries,
        long seed,
        boolean postgres,
        String pgUrl,
        boolean pgReload,
        boolean rebuild,
        boolean mergeSegments,
        boolean similarity,
        String backend,
        Path results) {

    /** The embedded index (H2 + Lucene, the default profile). */
    static final String LUCENE = "lucene";

    /** OpenSearch through Hibernate Search's Elasticsearch backend (profile {@code cluster}). */
    static final String OPENSEARCH = "opensearch";

    static final String USAGE =
            "bench [--records shipped|N] [--queries N] [--passes N] [--pg-passes N] [--pg-queries N] [--seed N] [--no-pg]"
                    + " [--pg-url URL] [--pg-reload] [--rebuild] [--merge-segments] [--no-similarity] [--backend lucene|opensearch] [--results DIR]   (data dir: --stdhub.data-dir=DIR)";

    static BenchOptions parse(List<String> args) {
        long records = 0;
        int perKind = 300;
        int passes = 2;
        int pgPasses = 1;
        int pgQueries = 120;
        long seed = 20240601L;
        boolean postgres = true;
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        boolean pgReload = false;
        boolean rebuild = false;
        boolean mergeSegments = false;
        boolean similarity = true;
        String backend = LUCENE;
        Path results = Path.of("bench-results");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            boolean flag = switch (name) {
                case "--no-pg", "--pg-reload", "--rebuild", "--merge-segments", "--no-similarity" -> true;
                default -> false;
            };
            if (!flag && value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--records" -> records = value.equals("shipped") ? 0 : Long.parseLong(value.replace("_", ""));
                case "--queries" -> perKind = Integer.parseInt(value);
                case "--passes" -> passes = Integer.parseInt(value);
                case "--pg-passes" -> pgPasses = Integer.parseInt(value);
                case "--pg-queries" -> pgQueries = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--no-pg" -> postgres = false;
                case "--pg-url" -> pgUrl = value;
                case "--pg-reload" -> pgReload = true;
                case "--rebuild" -> rebuild = true;
                case "--merge-segments" -> mergeSegments = true;
                case "--no-similarity" -> similarity = false;
                case "--backend" -> {
                    if (!value.equals(LUCENE) && !value.equals(OPENSEARCH)) {
                        throw new IllegalArgumentException("--backend is lucene or opensearch, not " + value);
                    }
                    backend = value;
                }
                case "--results" -> results = Path.of(value);
                case "--data-dir" ->
                    throw new IllegalArgumentException(
                            "the data directory is chosen when the application starts: pass --stdhub.data-dir="
                                    + value);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        return new BenchOptions(
                records,
                perKind,
                passes,
                pgPasses,
                pgQueries,
                seed,
                postgres,
                pgUrl,
                pgReload,
                rebuild,
                mergeSegments,
                similarity,
                backend,
                results);
    }
}
