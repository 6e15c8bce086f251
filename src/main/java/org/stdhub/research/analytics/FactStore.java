package org.stdhub.research.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts of the other modules' workflows in the research read model, one row per fact key. A fact is kept when it
 * is new or newer than the row it replaces ({@code occurredAt}), so a replayed or late event never counts twice and
 * never turns a later state back.
 */
@Repository
public class FactStore {

    /** Months are counted in the base's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcClient sql;

    FactStore(JdbcClient sql) {
        this.sql = sql;
    }

    /** One fact as kept. */
    public record Fact(
            String key,
            String source,
            String measure,
            Long subjectId,
            String subjectName,
            Instant monthOf,
            String state,
            LocalDate dueOn,
            Long durationSeconds,
            Boolean withinDeadline,
            boolean demo,
            Instant occurredAt) {}

    /** The month ({@code yyyy-MM}) of an instant in the base's time zone. */
    public static String month(Instant at) {
        return MONTH.format(at.atZone(ZONE));
    }

    /** Keeps {@code f} unless a row of its key is newer; whether it changed anything. Call in a transaction. */
    public synchronized boolean keep(Fact f) {
        Timestamp at = Timestamp.from(f.occurredAt());
        if (update(f, at) > 0) {
            return true;
        }
        // another transaction may be inserting the same key (a redelivered event, two listeners at once): a conflict
        // inserts nothing (PostgreSQL waits for that transaction), and the newer of the two then wins by the update
        int inserted = sql.sql("insert into research_fact (fact_key, source, measure, subject_id, subject_name,"
                        + " fact_month, state, due_on, duration_seconds, within_deadline, demo, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        f.key(),
                        f.source(),
                        f.measure(),
                        f.subjectId(),
                        clip(f.subjectName()),
                        month(f.monthOf()),
                        f.state(),
                        f.dueOn(),
                        f.durationSeconds(),
                        f.withinDeadline(),
                        f.demo(),
                        at)
                .update();
        return inserted > 0 || update(f, at) > 0;
    }

    /** Writes {@code f} over the row of its key when that row is not newer; how many rows it wrote. */
    private int update(Fact f, Timestamp at) {
        return sql.sql("update research_fact set source = ?, measure = ?, subject_id = ?, subject_name = ?,"
                        + " fact_month = ?, state = ?, due_on = ?, duration_seconds = ?, within_deadline = ?, demo = ?,"
                        + " occurred_at = ? where fact_key = ? and occurred_at <= ?")
                .params(
                        f.source(),
                        f.measure(),
                        f.subjectId(),
                        clip(f.subjectName()),
                        month(f.monthOf()),
                        f.state(),
                        f.dueOn(),
                        f.durationSeconds(),
                        f.withinDeadline(),
                        f.demo(),
                        at,
                        f.key(),
                        at)
                .update();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
