package org.stdhub.research;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.catalog.CatalogStatistics;
import org.stdhub.catalog.Classifications;
import org.stdhub.catalog.StandardKind;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.platform.SystemActor;
import org.stdhub.platform.UserFacingException;
import org.stdhub.research.analytics.CatalogFigures;
import org.stdhub.research.analytics.FigureStore;
import org.stdhub.research.analytics.StageVisits;
import org.stdhub.research.analytics.WorkflowFigures;

/**
 * The analytics of the strategy research center, read from the research read models (never computed over the other
 * modules' data on a request), plus the standards landscape of one field, which the catalog answers with indexed
 * queries. Public: every figure is an aggregate of public catalog and development data.
 */
@Service
@Transactional(readOnly = true)
public class Analytics {

    /** Years of publication a standard may be this old or older before its systematic review is overdue. */
    public static final int REVIEW_CYCLE_YEARS = 5;

    public static final String YEAR = "catalog.year";
    public static final String AGE = "catalog.age";
    public static final String REVIEW_OVERDUE = "catalog.review-overdue";

    /** The figures of the catalog, in the order the dashboard shows them. */
    public static final List<String> CATALOG = List.of(
            CatalogFigures.KIND,
            CatalogFigures.STATUS,
            CatalogFigures.BODY,
            CatalogFigures.ICS,
            CatalogFigures.CCS,
            YEAR,
            AGE,
            REVIEW_OVERDUE,
            CatalogFigures.ADOPTION);

    /** Sources of workflow figures whose modules do not deliver data yet (each module reports now). */
    public static final List<String> PENDING_SOURCES = List.of();

    private static final List<String> AGE_BUCKETS = List.of("0-4", "5-9", "10-19", "20+", "unknown");
    private static final int FIRST_YEAR_SHOWN = 1950;

    private final FigureStore store;
    private final StageVisits visits;
    private final CatalogStatistics statistics;
    private final AdoptionDrift drift;
    private final Alliances alliances;
    private final WorkflowFigures workflows;
    private final Clock clock;

    Analytics(
            FigureStore store,
            StageVisits visits,
            CatalogStatistics statistics,
            AdoptionDrift drift,
            Alliances alliances,
            WorkflowFigures workflows,
            Clock clock) {
        this.store = store;
        this.visits = visits;
        this.statistics = statistics;
        this.drift = drift;
        this.alliances = alliances;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** Every figure of the catalog, from the read model. */
    public List<Figure> catalogFigures() {
        Instant at = store.refreshedAt(CatalogFigures.SOURCE).orElse(null);
        Map<String, List<Figure.Row>> rows = store.rowsOf("catalog.");
        List<Figure> out = new ArrayList<>();
        for (String key : CATALOG) {
            out.add(new Figure(key, rowsOf(key, rows), at));
        }
        return out;
    }

    /** One figure of the catalog by its key. */
    public Optional<Figure> figure(String key) {
        if (!CATALOG.contains(key)) {
            return Optional.empty();
        }
        return catalogFigures().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private List<Figure.Row> rowsOf(String key, Map<String, List<Figure.Row>> stored) {
        return switch (key) {
            case YEAR -> years(stored.getOrDefault(CatalogFigures.KIND_STATUS_YEAR, List.of()));
            case AGE -> ages(stored.getOrDefault(CatalogFigures.KIND_STATUS_YEAR, List.of()));
            case REVIEW_OVERDUE -> overdue(stored.getOrDefault(CatalogFigures.KIND_STATUS_YEAR, List.of()));
            case CatalogFigures.BODY, CatalogFigures.KIND, CatalogFigures.STATUS ->
                stored.getOrDefault(key, List.of()).stream()
                        .sorted((a, b) -> Long.compare(b.value(), a.value()))
                        .toList();
            default -> stored.getOrDefault(key, List.of());
        };
    }

    private int thisYear() {
        return clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getYear();
    }

    private record KindStatusYear(String kind, String status, Integer year, long count) {
        static KindStatusYear of(Figure.Row row) {
            String[] p = row.key().split("\\|", -1);
            return new KindStatusYear(p[0], p[1], p[2].isEmpty() ? null : Integer.valueOf(p[2]), row.value());
        }
    }

    /** Standards published per year since 1950. */
    private List<Figure.Row> years(List<Figure.Row> raw) {
        Map<Integer, Long> byYear = new TreeMap<>();
        int last = thisYear() + 2;
        for (Figure.Row r : raw) {
            KindStatusYear k = KindStatusYear.of(r);
            if (k.year() != null && k.year() >= FIRST_YEAR_SHOWN && k.year() <= last) {
                byYear.merge(k.year(), k.count(), Long::sum);
            }
        }
        return byYear.entrySet().stream()
                .map(e -> new Figure.Row(String.valueOf(e.getKey()), e.getValue()))
                .toList();
    }

    /** Current standards by years since publication. */
    private List<Figure.Row> ages(List<Figure.Row> raw) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        AGE_BUCKETS.forEach(b -> buckets.put(b, 0L));
        int now = thisYear();
        for (Figure.Row r : raw) {
            KindStatusYear k = KindStatusYear.of(r);
            if (k.status().equals("current")) {
                buckets.merge(bucket(k.year() == null ? null : now - k.year()), k.count(), Long::sum);
            }
        }
        return buckets.entrySet().stream()
                .map(e -> new Figure.Row(e.getKey(), e.getValue()))
                .toList();
    }

    private static String bucket(Integer age) {
        if (age == null || age < 0) {
            return "unknown";
        } else if (age < 5) {
            return "0-4";
        } else if (age < 10) {
            return "5-9";
        } else if (age < 20) {
            return "10-19";
        }
        return "20+";
    }

    /**
     * Per Chinese kind: current standards (value) and how many of them were published {@value #REVIEW_CYCLE_YEARS}
     * or more years ago, so their systematic review is due or overdue (extra).
     */
    private List<Figure.Row> overdue(List<Figure.Row> raw) {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        int now = thisYear();
        for (Figure.Row r : raw) {
            KindStatusYear k = KindStatusYear.of(r);
            if (!k.status().equals("current") || k.kind().equals(StandardKind.INTERNATIONAL.code())) {
                continue;
            }
            long[] counts = byKind.computeIfAbsent(k.kind(), x -> new long[2]);
            counts[0] += k.count();
            if (k.year() != null && now - k.year() >= REVIEW_CYCLE_YEARS) {
                counts[1] += k.count();
            }
        }
        return byKind.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .map(e -> new Figure.Row(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** The group-standard pipeline per alliance and the mean time per stage, from the read model. */
    public Pipeline pipeline() {
        Map<Long, Map<String, Long>> current = visits.currentByAlliance();
        List<Pipeline.AllianceRow> rows = new ArrayList<>();
        for (AllianceView a : SystemActor.run("research", alliances::all)) {
            Map<String, Long> byGroup = current.getOrDefault(a.id(), Map.of());
            rows.add(new Pipeline.AllianceRow(
                    a.id(),
                    a.nameZh(),
                    Pipeline.GROUPS.stream()
                            .map(g -> byGroup.getOrDefault(g, 0L))
                            .toList()));
        }
        return new Pipeline(
                rows, visits.stageTimes(), store.refreshedAt(StageVisits.SOURCE).orElse(null));
    }

    /**
     * The output of the verification, training and consulting workflows, from the read model that follows their
     * events: verification tasks, conformity reports and evaluations per lab and month; enrolments, attendances,
     * passed exams and certificates per course and month; enquiries received, answered (within the deadline) and the
     * mean answer time per month.
     */
    public List<Throughput> workflows() {
        return List.of(workflows.verification(), workflows.training(), workflows.enquiries());
    }

    /** One workflow's output by its source ({@code verification}, {@code training}, {@code enquiries}). */
    public Optional<Throughput> workflow(String source) {
        return workflows().stream().filter(t -> t.source().equals(source)).findFirst();
    }

    /** Open enquiries past their deadline today, from the read model. */
    public long enquiriesPastDeadline() {
        return workflows.enquiriesPastDeadline(
                clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate());
    }

    /**
     * The standards landscape of ICS class {@code ics} (a field {@code 25}, group {@code 25.040} or sub-group):
     * standards per kind, current international standards without a Chinese adoption (the first {@code limit}) and
     * the adoption drift in the field.
     */
    public Landscape landscape(String ics, int limit, Locale locale) {
        String code = ics == null ? "" : ics.strip();
        if (!code.matches("\\d{2}(\\.\\d{3}(\\.\\d{2})?)?")) {
            throw new UserFacingException("research.error.ics", code);
        }
        String title = Classifications.get().ics(code).map(c -> c.title(locale)).orElse(null);
        return new Landscape(
                code,
                title,
                statistics.kindsInField(code),
                statistics.unadoptedInField(code, limit),
                drift.find(new AdoptionDrift.Filter(null, code, null, null), 0, limit));
    }
}
