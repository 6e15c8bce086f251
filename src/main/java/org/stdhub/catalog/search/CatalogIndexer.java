package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.Standard;

/**
 * Keeps the search index in step with the database for changes made outside Hibernate (bulk imports),
 * and rebuilds it from the database when asked or when it is missing.
 */
@Component
public class CatalogIndexer {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);
    /** Above this many changed standards a full rebuild is cheaper than indexing one by one. */
    private static final int FULL_REBUILD_THRESHOLD = 20_000;

    /**
     * Bumped whenever the index mapping or analysis changes (a new field, another analyzer, term vectors): an
     * index built by an older mapping is rebuilt at start, since Lucene itself would not notice.
     */
    static final String MAPPING_VERSION = "8";

    private final EntityManagerFactory emf;
    private final TransactionTemplate tx;
    private final java.nio.file.Path versionFile;
    /** The index on the Elasticsearch backend (profile {@code cluster}), fed through the outbox; null on Lucene. */
    private final ElasticsearchCatalogIndexing elasticsearch;

    CatalogIndexer(
            EntityManagerFactory emf,
            TransactionTemplate tx,
            org.stdhub.platform.StdHubProperties properties,
            org.springframework.beans.factory.ObjectProvider<ElasticsearchCatalogIndexing> elasticsearch) {
        this.emf = emf;
        this.tx = tx;
        this.elasticsearch = elasticsearch.getIfAvailable();
        this.versionFile = properties
                .dataDir()
                .toAbsolutePath()
                .normalize()
                .resolve("index")
                .resolve("MAPPING_VERSION");
    }

    /** Was the index on disk built by this version of the mapping? */
    public boolean isCurrentMapping() {
        try {
            return MAPPING_VERSION.equals(
                    java.nio.file.Files.readString(versionFile).strip());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Starts indexing an import from the standards it writes ({@link ImportIndexing}). {@code fromScratch}: the
     * catalog is empty, so whatever the index holds is dropped first and, once the import is finished, the index is
     * one built by this mapping.
     */
    public ImportIndexing startImport(boolean fromScratch) {
        if (elasticsearch != null) {
            if (fromScratch) {
                Search.mapping(emf).scope(Standard.class).workspace().purge();
            }
            return elasticsearch.startImport(this, fromScratch);
        }
        ImportIndexing indexing = new ImportIndexing(emf.createEntityManager(), this, fromScratch);
        if (fromScratch) {
            Search.mapping(emf).scope(Standard.class).workspace().purge();
        }
        return indexing;
    }

    /**
     * Why the index should be rebuilt at start ({@code stdhub.search.reindex-on-start}), or null when it is in step:
     * built by another version of the mapping, or not holding as many standards as the database. On the shared
     * Elasticsearch index, only when the outbox is empty ({@link ElasticsearchCatalogIndexing#staleReason}).
     */
    public String staleReason(long standards) {
        if (elasticsearch != null) {
            return elasticsearch.staleReason(this, standards);
        }
        if (!isCurrentMapping()) {
            return "was built by another version of the mapping";
        }
        return indexedCount() != standards ? "does not match the database" : null;
    }

    /** Is an import that wrote this many documents worth merging the index into one segment afterwards? */
    static boolean mergeAfterImport(long documents) {
        return documents >= FULL_REBUILD_THRESHOLD;
    }

    /** Re-indexes the given standards (and removes from the index those no longer in the database). */
    public void reindex(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() > FULL_REBUILD_THRESHOLD) {
            rebuild();
            return;
        }
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> slice = all.subList(from, Math.min(all.size(), from + 500));
            EntityManager em = emf.createEntityManager();
            try {
                tx.executeWithoutResult(status -> {
                    SearchSession session = Search.session(em);
                    em.joinTransaction();
                    List<Standard> found = em.createQuery("from Standard s where s.id in :ids", Standard.class)
                            .setParameter("ids", slice)
                            .getResultList();
                    found.forEach(session.indexingPlan()::addOrUpdate);
                    List<Long> foundIds = found.stream().map(Standard::getId).toList();
                    slice.stream()
                            .filter(id -> !foundIds.contains(id))
                            .forEach(id -> session.indexingPlan().purge(Standard.class, id, null));
                });
            } finally {
                em.close();
            }
        }
    }

    /** Drops and rebuilds the whole catalog index from the database. */
    public void rebuild() {
        long start = System.nanoTime();
        EntityManager em = emf.createEntityManager();
        try {
            Search.session(em)
                    .massIndexer(Standard.class)
                    .purgeAllOnStart(true)
                    .threadsToLoadObjects(Math.max(1, Runtime.getRuntime().availableProcessors()))
                    .batchSizeToLoadObjects(500)
                    .idFetchSize(5000)
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("indexing interrupted", e);
        } finally {
            em.close();
        }
        // one segment after a rebuild: facet counting cost grows with the number of segments
        Search.mapping(emf).scope(Standard.class).workspace().mergeSegments();
        writeMappingVersion();
        log.info("search index rebuilt in {} s", (System.nanoTime() - start) / 1_000_000_000.0);
    }

    /** Notes that the index on disk was built by this mapping. */
    void writeMappingVersion() {
        try {
            java.nio.file.Files.createDirectories(versionFile.getParent());
            java.nio.file.Files.writeString(versionFile, MAPPING_VERSION);
        } catch (java.io.IOException e) {
            log.warn("cannot write {}: {}", versionFile, e.getMessage());
        }
    }

    /** Number of standards in the index. */
    public long indexedCount() {
        EntityManager em = emf.createEntityManager();
        try {
            return Search.session(em)
                    .search(Standard.class)
                    .where(f -> f.matchAll())
                    .fetchTotalHitCount();
        } finally {
            em.close();
        }
    }
}
