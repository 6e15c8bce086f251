package org.stdhub.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.UserFacingException;

/**
 * The catalog's data quality, for the base office that fixes it: records without any ICS or CCS class, relations to
 * designations the catalog does not hold, standards in force although a standard in force replaces them, and
 * standards whose second source (an overlay, {@code standard_source}) gave a status or date the record contradicts.
 * Each list is one indexed set-based query, counted and paged (in id order, so a page costs its size, also on
 * 145,000 standards).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('BASE_OFFICER','ADMIN')")
public class CatalogQuality {

    /** The kinds of problem, each with its query (columns: designation, title, status, detail). */
    public enum Problem {
        /** No ICS and no CCS class. */
        NO_CLASS(
                "missing-class",
                " from standard s where not exists (select 1 from standard_ics i where i.standard_id = s.id)"
                        + " and not exists (select 1 from standard_ccs c where c.standard_id = s.id)",
                "s.designation, s.title_zh, s.status, null",
                "s.id"),
        /** A replaces / replaced-by / amended-by relation whose target the catalog does not hold. */
        UNKNOWN_TARGET(
                "unknown-target",
                " from standard_relation r join standard s on s.id = r.standard_id where r.target_id is null",
                "s.designation, s.title_zh, s.status, r.kind || ' ' || r.target_designation",
                "r.id"),
        /**
         * In force, yet replaced by a standard in force: one row per relation, whichever side recorded it (once when
         * both did), driven by the relation table and joined by key (no per-row union).
         */
        CURRENT_BUT_REPLACED(
                "current-but-replaced",
                " from standard_relation r join standard a on a.id = r.standard_id join standard b on b.id = r.target_id"
                        + " where r.kind in ('REPLACES', 'REPLACED_BY') and a.status = 'current'"
                        + " and b.status = 'current' and not (r.kind = 'REPLACED_BY' and exists (select 1 from"
                        + " standard_relation x where x.standard_id = r.target_id and x.target_id = r.standard_id"
                        + " and x.kind = 'REPLACES'))",
                "case when r.kind = 'REPLACES' then b.designation else a.designation end,"
                        + " case when r.kind = 'REPLACES' then b.title_zh else a.title_zh end, 'current',"
                        + " case when r.kind = 'REPLACES' then a.designation else b.designation end",
                "r.id"),
        /** A second source gave a status or date that the record's other facts contradict. */
        SOURCES_DISAGREE(
                "sources-disagree",
                " from standard_source o join standard s on s.id = o.standard_id"
                        + " where (o.fields like '%status%' or o.fields like '%implemented%')"
                        + " and ((s.status = 'current' and s.withdrawn is not null)"
                        + " or (s.status = 'upcoming' and s.implemented is not null and s.implemented <= ?)"
                        + " or (s.status = 'current' and s.implemented is not null and s.implemented > ?))",
                "s.designation, s.title_zh, s.status, o.source || ': ' || o.fields",
                "o.id");

        private final String code;
        private final String from;
        private final String columns;
        private final String order;

        Problem(String code, String from, String columns, String order) {
            this.code = code;
            this.from = from;
            this.columns = columns;
            this.order = order;
        }

        /** As in URLs: {@code missing-class}, {@code unknown-target} … */
        public String code() {
            return code;
        }

        public String messageKey() {
            return "catalog.quality." + code;
        }

        public static Optional<Problem> ofCode(String code) {
            return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
        }

        boolean dated() {
            return this == SOURCES_DISAGREE;
        }
    }

    /** One record to look at, with what is wrong in short (the unknown target, the replacing standard …). */
    public record Issue(String designation, String titleZh, String status, String detail) {}

    /** One page of one list. */
    public record IssuePage(String problem, long total, int page, int size, List<Issue> items) {

        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogQuality(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How many records each list holds, in the order of {@link Problem}. */
    public Map<Problem, Long> counts() {
        Map<Problem, Long> counts = new LinkedHashMap<>();
        for (Problem p : Problem.values()) {
            counts.put(p, jdbc.queryForObject("select count(*)" + p.from, Long.class, dates(p)));
        }
        return counts;
    }

    /** One page of a list; {@code size} 1 to 200. */
    public IssuePage list(String problemCode, int page, int size) {
        Problem p = Problem.ofCode(problemCode == null ? "" : problemCode)
                .orElseThrow(() -> new UserFacingException("catalog.quality.error.problem", problemCode));
        int pageSize = Math.clamp(size, 1, 200);
        int from = Math.max(page, 0);
        long total = jdbc.queryForObject("select count(*)" + p.from, Long.class, dates(p));
        Object[] args = concat(dates(p), new Object[] {pageSize, (long) from * pageSize});
        List<Issue> items = jdbc.query(
                "select " + p.columns + p.from + " order by " + p.order + " limit ? offset ?",
                (rs, n) -> new Issue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                args);
        return new IssuePage(p.code(), total, from, pageSize, items);
    }

    private Object[] dates(Problem p) {
        if (!p.dated()) {
            return new Object[0];
        }
        String today = LocalDate.now(clock).toString();
        return new Object[] {today, today};
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
