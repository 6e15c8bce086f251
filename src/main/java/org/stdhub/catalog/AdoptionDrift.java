package org.stdhub.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adoption drift: Chinese standards that adopt an international standard (IDT, MOD, NEQ …) whose adopted edition
 * has since been revised (a newer edition of the same work is current) or withdrawn. Read from the database.
 */
@Service
@Transactional(readOnly = true)
public class AdoptionDrift {

    /** More rows than this are never returned at once (exports). */
    public static final int MAX_ROWS = 10_000;

    /**
     * One gap.
     *
     * @param currentDesignation the international edition in force today that follows the adopted one, or null
     *     when the adopted edition was withdrawn with no successor in the catalog
     * @param yearsBehind years between the adopted edition and the current one (or the withdrawal), null when
     *     unknown
     */
    public record Gap(
            long chineseId,
            String chineseDesignation,
            String chineseWorkKey,
            String titleZh,
            String chineseStatus,
            String committee,
            List<String> ics,
            String degree,
            long adoptedId,
            String adoptedDesignation,
            String adoptedYear,
            String adoptedStatus,
            Long currentId,
            String currentDesignation,
            String currentYear,
            Integer yearsBehind) {

        public boolean withdrawnWithoutSuccessor() {
            return currentDesignation == null;
        }
    }

    /**
     * What to list; every part is optional.
     *
     * @param committee part of the Chinese standard's committee (case-insensitive)
     * @param icsPrefix an ICS code of the Chinese standard, its sub-classes included ("11.040" covers "11.040.10")
     * @param degree IDT, MOD, NEQ or EQV
     * @param minYearsBehind only gaps at least this many years wide
     */
    public record Filter(String committee, String icsPrefix, String degree, Integer minYearsBehind) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One page of gaps, widest first. */
    public record Page(List<Gap> gaps, int total, int page, int size) {

        public int pages() {
            return size == 0 ? 0 : (total + size - 1) / size;
        }
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final CatalogService catalog;
    private final StandardLookup lookup;

    AdoptionDrift(JdbcTemplate jdbc, CatalogService catalog, StandardLookup lookup) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.catalog = catalog;
        this.lookup = lookup;
    }

    /** The gaps matching {@code filter}, widest first, page {@code page} (0-based) of {@code size}. */
    public Page find(Filter filter, int page, int size) {
        List<Gap> all = all(filter);
        int safeSize = Math.clamp(size, 1, 500);
        int safePage = Math.max(page, 0);
        // in long: a page number near Integer.MAX_VALUE times the size must not wrap around
        int from = (int) Math.min((long) safePage * safeSize, all.size());
        return new Page(all.subList(from, Math.min(all.size(), from + safeSize)), all.size(), safePage, safeSize);
    }

    /** All gaps matching {@code filter} (at most {@link #MAX_ROWS}), widest first. */
    public List<Gap> all(Filter filter) {
        Filter f = filter == null ? Filter.none() : filter;
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (f.committee() != null && !f.committee().isBlank()) {
            where.append(" and upper(c.committee) like ?");
            params.add("%" + f.committee().strip().toUpperCase(Locale.ROOT) + "%");
        }
        if (f.icsPrefix() != null && !f.icsPrefix().isBlank()) {
            where.append(
                    " and exists (select 1 from standard_ics x where x.standard_id = c.id and (x.code = ? or x.code like ?))");
            params.add(f.icsPrefix().strip());
            params.add(f.icsPrefix().strip() + ".%");
        }
        if (f.degree() != null && !f.degree().isBlank()) {
            where.append(" and a.degree = ?");
            params.add(f.degree().strip().toUpperCase(Locale.ROOT));
        }
        List<Gap> gaps = gaps(where.toString(), params.toArray());
        if (f.minYearsBehind() != null && f.minYearsBehind() > 0) {
            gaps = gaps.stream()
                    .filter(g -> g.yearsBehind() != null && g.yearsBehind() >= f.minYearsBehind())
                    .toList();
        }
        return gaps.size() > MAX_ROWS ? gaps.subList(0, MAX_ROWS) : gaps;
    }

    /**
     * The gaps that import {@code importBatchId} may have opened: adoptions by a standard the import changed, or of
     * an international work of which the import brought or changed an edition (or a direct successor).
     */
    public List<Gap> inBatch(long importBatchId) {
        String where = " and (a.standard_id in (select ch.standard_id from standard_change ch where ch.batch_id = ?)"
                + " or i.work_key in (select s.work_key from standard_change ch join standard s on s.id = ch.standard_id"
                + " where ch.batch_id = ?)"
                + " or a.international_id in (select e.older_id from replacement_edge e join standard_change ch"
                + " on ch.standard_id = e.newer_id where ch.batch_id = ?))";
        return gaps(where, new Object[] {importBatchId, importBatchId, importBatchId});
    }

    /**
     * An adoption with both standards, mapped by column name: the query's aliases are the components' names
     * (folded to lower case by the database, which the mapper matches at once).
     */
    private record Row(
            long chineseId,
            String chineseDesignation,
            String chineseWorkKey,
            String titleZh,
            String chineseStatus,
            String committee,
            String degree,
            long adoptedId,
            String adoptedDesignation,
            String adoptedYear,
            String adoptedStatus,
            String adoptedWithdrawn,
            String adoptedWorkKey) {}

    private record Edition(long id, String designation, String year) {}

    private List<Gap> gaps(String extraWhere, Object[] params) {
        List<Row> rows = sql.sql("select c.id as chineseId, c.designation as chineseDesignation,"
                        + " c.work_key as chineseWorkKey, c.title_zh as titleZh, c.status as chineseStatus, c.committee,"
                        + " a.degree, i.id as adoptedId, i.designation as adoptedDesignation, i.doc_year as adoptedYear,"
                        + " i.status as adoptedStatus, i.withdrawn as adoptedWithdrawn, i.work_key as adoptedWorkKey"
                        + " from standard_adoption a"
                        + " join standard c on c.id = a.standard_id"
                        + " join standard i on i.id = a.international_id"
                        + " where (c.status is null or c.status <> ?)" + extraWhere
                        + " order by c.designation, i.designation")
                .params(withStatusFirst(StandardStatus.WITHDRAWN, params))
                .query(Row.class)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Edition> newest =
                newestCurrentEditions(rows.stream().map(Row::adoptedWorkKey).toList());
        Map<Long, List<String>> ics = ics(rows.stream().map(Row::chineseId).toList());
        List<Gap> gaps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row r : rows) {
            Edition current = newest.get(r.adoptedWorkKey());
            boolean revised =
                    current != null && r.adoptedYear() != null && current.year().compareTo(r.adoptedYear()) > 0;
            if (!revised) {
                if (!StandardStatus.WITHDRAWN.is(r.adoptedStatus())) {
                    continue;
                }
                current = successor(r.adoptedId());
            }
            if (!seen.add(r.chineseId() + ":" + r.adoptedId())) {
                continue;
            }
            Integer years = null;
            if (current != null) {
                years = yearsBetween(r.adoptedYear(), current.year());
            } else if (r.adoptedWithdrawn() != null && r.adoptedWithdrawn().length() >= 4) {
                years = yearsBetween(r.adoptedYear(), r.adoptedWithdrawn().substring(0, 4));
            }
            gaps.add(new Gap(
                    r.chineseId(),
                    r.chineseDesignation(),
                    r.chineseWorkKey(),
                    r.titleZh(),
                    r.chineseStatus(),
                    r.committee(),
                    ics.getOrDefault(r.chineseId(), List.of()),
                    r.degree(),
                    r.adoptedId(),
                    r.adoptedDesignation(),
                    r.adoptedYear(),
                    r.adoptedStatus(),
                    current == null ? null : current.id(),
                    current == null ? null : current.designation(),
                    current == null ? null : current.year(),
                    years));
        }
        gaps.sort(Comparator.comparing(Gap::yearsBehind, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(g -> Standard.naturalSortKey(g.chineseDesignation())));
        return gaps;
    }

    /** Per work: its newest current plain edition (no amendment, consolidation or collection; a year). */
    private Map<String, Edition> newestCurrentEditions(List<String> workKeys) {
        Map<String, Edition> newest = new HashMap<>();
        List<String> keys = new ArrayList<>(new TreeSet<>(workKeys));
        for (int from = 0; from < keys.size(); from += StandardLookup.CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + StandardLookup.CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query(
                    "select id, designation, work_key, doc_year from standard where status = ?"
                            + " and work_key in (" + marks + ") and doc_year is not null"
                            + " and designation_key = work_key || doc_year",
                    rs -> {
                        Edition e = new Edition(rs.getLong(1), rs.getString(2), rs.getString(4));
                        newest.merge(rs.getString(3), e, (a, b) -> a.year().compareTo(b.year()) >= 0 ? a : b);
                    },
                    withStatusFirst(StandardStatus.CURRENT, chunk.toArray()));
        }
        return newest;
    }

    /** What replaces a withdrawn edition today, following the replacement chain; null when nothing does. */
    private Edition successor(long adoptedId) {
        ReplacementChain newer = catalog.walk(adoptedId, false);
        if (newer.isEmpty()) {
            return null;
        }
        // the newest edition in force, the nearest on a tie (a gap names one successor, not all of them)
        return lookup.byIds(newer.ids()).values().stream()
                .filter(StandardLookup.Facts::isCurrent)
                .max(Comparator.comparing(StandardLookup.Facts::year, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(f -> -newer.depthOf(f.id())))
                .map(f -> new Edition(f.id(), f.designation(), f.year()))
                .orElse(null);
    }

    private Map<Long, List<String>> ics(List<Long> ids) {
        Map<Long, List<String>> codes = new HashMap<>();
        List<Long> list = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < list.size(); from += StandardLookup.CHUNK) {
            List<Long> chunk = list.subList(from, Math.min(list.size(), from + StandardLookup.CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query(
                    "select standard_id, code from standard_ics where standard_id in (" + marks + ") order by code",
                    rs -> {
                        codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                                .add(rs.getString(2));
                    },
                    chunk.toArray());
        }
        return codes;
    }

    private static Object[] withStatusFirst(StandardStatus status, Object[] params) {
        Object[] all = new Object[params.length + 1];
        all[0] = status.code();
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
    }

    private static Integer yearsBetween(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        try {
            return Integer.parseInt(to) - Integer.parseInt(from);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
