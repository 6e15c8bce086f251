package org.stdhub.catalog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts over the whole catalog, grouped in the database (one set-based query per figure), for the read models of
 * analytics: how many standards per body, kind, status, field and year, how old the current ones are, and how many
 * current international standards have a Chinese adoption, per field. Other modules read these figures here and
 * never the catalog's tables.
 */
@Service
@Transactional(readOnly = true)
public class CatalogStatistics {

    /** A count under one key of a grouping (a body, a kind code, a status, an ICS field …). */
    public record Count(String key, long count) {}

    /** Standards of one kind and status published in one year (year null when unknown). */
    public record KindStatusYear(String kind, String status, Integer year, long count) {}

    /** Current international standards of one ICS field and how many of them a Chinese standard adopts. */
    public record FieldAdoption(String icsField, long international, long adopted) {}

    /** An international standard without a Chinese adoption, in a field. */
    public record Unadopted(String designation, String titleEn, String titleZh, String status) {}

    private final JdbcClient sql;

    CatalogStatistics(JdbcTemplate jdbc) {
        this.sql = JdbcClient.create(jdbc);
    }

    /** Standards per issuing body (ISO, IEC, SAC …). */
    public List<Count> byBody() {
        return counts("select body as k, count(*) as n from standard group by body order by n desc, k");
    }

    /** Standards per kind, by {@link StandardKind#code()}. */
    public List<Count> byKind() {
        List<Count> out = new ArrayList<>();
        for (Count c : counts("select kind as k, count(*) as n from standard group by kind order by n desc, k")) {
            out.add(new Count(StandardKind.fromCode(c.key()).code(), c.count()));
        }
        return out;
    }

    /** Standards per status ({@code current}, {@code withdrawn}, {@code upcoming}, {@code unknown} when none). */
    public List<Count> byStatus() {
        return counts("select coalesce(status, 'unknown') as k, count(*) as n from standard"
                + " group by coalesce(status, 'unknown') order by n desc, k");
    }

    /** Standards per ICS field (the first two digits of any of their ICS codes; a standard counted once per field). */
    public List<Count> byIcsField() {
        return counts("select f as k, count(*) as n from (select distinct standard_id, substring(code, 1, 2) as f"
                + " from standard_ics) t group by f order by k");
    }

    /** Standards per CCS category (the letter of any of their CCS codes; a standard counted once per category). */
    public List<Count> byCcsCategory() {
        return counts("select f as k, count(*) as n from (select distinct standard_id, substring(code, 1, 1) as f"
                + " from standard_ccs) t group by f order by k");
    }

    /**
     * Standards per kind, status and year of publication (the publication date's year, else the designation's year),
     * from which ages and overdue reviews are derived.
     */
    public List<KindStatusYear> byKindStatusYear() {
        return sql.sql("select kind, coalesce(status, 'unknown') as status, y, count(*) as n from ("
                        + " select kind, status, coalesce(substring(published, 1, 4), doc_year) as y from standard) t"
                        + " group by kind, coalesce(status, 'unknown'), y")
                .query((rs, i) -> new KindStatusYear(
                        StandardKind.fromCode(rs.getString(1)).code(),
                        rs.getString(2),
                        year(rs.getString(3)),
                        rs.getLong(4)))
                .list();
    }

    /** Per ICS field: current international standards and how many of them at least one Chinese standard adopts. */
    public List<FieldAdoption> adoptionByIcsField() {
        return sql.sql("select f, count(*), sum(adopted) from (select distinct s.id, substring(i.code, 1, 2) as f,"
                        + " case when exists (select 1 from standard_adoption a where a.international_id = s.id)"
                        + " then 1 else 0 end as adopted"
                        + " from standard s join standard_ics i on i.standard_id = s.id"
                        + " where s.kind = 'international' and s.status = 'current') t group by f order by f")
                .query((rs, i) -> new FieldAdoption(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Standards with an ICS code starting with {@code icsPrefix}, per kind. */
    public List<Count> kindsInField(String icsPrefix) {
        List<Count> out = new ArrayList<>();
        sql.sql("select s.kind, count(*) from standard s where exists (select 1 from standard_ics i"
                        + " where i.standard_id = s.id and i.code like ?) group by s.kind order by count(*) desc")
                .param(likePrefix(icsPrefix))
                .query((rs, i) ->
                        new Count(StandardKind.fromCode(rs.getString(1)).code(), rs.getLong(2)))
                .list()
                .forEach(out::add);
        return out;
    }

    /**
     * Current international standards with an ICS code starting with {@code icsPrefix} that no Chinese standard in
     * the catalog adopts, by designation, at most {@code limit}; and how many there are in all.
     */
    public Page<Unadopted> unadoptedInField(String icsPrefix, int limit) {
        String where = " from standard s where s.kind = 'international' and s.status = 'current'"
                + " and exists (select 1 from standard_ics i where i.standard_id = s.id and i.code like :p)"
                + " and not exists (select 1 from standard_adoption a where a.international_id = s.id)";
        long total = sql.sql("select count(*)" + where)
                .param("p", likePrefix(icsPrefix))
                .query(Long.class)
                .single();
        List<Unadopted> rows = sql.sql("select s.designation, s.title_en, s.title_zh, s.status" + where
                        + " order by s.designation_key limit :n")
                .param("p", likePrefix(icsPrefix))
                .param("n", limit)
                .query((rs, i) -> new Unadopted(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return new Page<>(rows, total);
    }

    /** Some rows of a longer list and the list's length. */
    public record Page<T>(List<T> rows, long total) {}

    private List<Count> counts(String query) {
        return sql.sql(query)
                .query((rs, i) -> new Count(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Integer year(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
