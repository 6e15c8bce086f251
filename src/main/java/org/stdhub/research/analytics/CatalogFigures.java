package org.stdhub.research.analytics;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.CatalogStatistics;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.research.Figure;

/**
 * The catalog's figures in the research read model: recomputed (grouped in the database by the catalog's
 * {@link CatalogStatistics}) whenever an import or edit finishes ({@link CatalogUpdated}), and once at start when the
 * read model has never been filled (a data directory from before this module).
 */
@Component
public class CatalogFigures {

    public static final String SOURCE = "catalog";
    public static final String BODY = "catalog.body";
    public static final String KIND = "catalog.kind";
    public static final String STATUS = "catalog.status";
    public static final String ICS = "catalog.ics";
    public static final String CCS = "catalog.ccs";
    public static final String ADOPTION = "catalog.adoption";
    /** Raw counts per kind, status and year of publication, from which years, ages and overdue reviews derive. */
    public static final String KIND_STATUS_YEAR = "catalog.kind-status-year";

    private static final Logger log = LoggerFactory.getLogger(CatalogFigures.class);

    private final CatalogStatistics statistics;
    private final FigureStore store;
    private final Clock clock;

    CatalogFigures(CatalogStatistics statistics, FigureStore store, Clock clock) {
        this.statistics = statistics;
        this.store = store;
        this.clock = clock;
    }

    /** Asynchronously, in its own transaction, retried from the event publication registry when it fails. */
    @ApplicationModuleListener
    void on(CatalogUpdated event) {
        refresh("import-batch:" + event.importBatchId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (store.refreshedAt(SOURCE).isEmpty()) {
            refresh("start");
        }
    }

    /** Recomputes every catalog figure; replaying it changes nothing but the time of the refresh. */
    @Transactional
    public synchronized void refresh(String trigger) {
        Map<String, List<Figure.Row>> figures = new LinkedHashMap<>();
        figures.put(BODY, rows(statistics.byBody()));
        figures.put(KIND, rows(statistics.byKind()));
        figures.put(STATUS, rows(statistics.byStatus()));
        figures.put(ICS, rows(statistics.byIcsField()));
        figures.put(CCS, rows(statistics.byCcsCategory()));
        figures.put(
                ADOPTION,
                statistics.adoptionByIcsField().stream()
                        .map(f -> new Figure.Row(f.icsField(), f.international(), f.adopted()))
                        .toList());
        figures.put(
                KIND_STATUS_YEAR,
                statistics.byKindStatusYear().stream()
                        .map(k -> new Figure.Row(
                                k.kind() + "|" + k.status() + "|" + (k.year() == null ? "" : k.year()), k.count()))
                        .toList());
        store.replace(SOURCE, trigger, clock.instant(), figures);
        log.info("analytics: catalog figures refreshed ({})", trigger);
    }

    private static List<Figure.Row> rows(List<CatalogStatistics.Count> counts) {
        return counts.stream().map(c -> new Figure.Row(c.key(), c.count())).toList();
    }
}
