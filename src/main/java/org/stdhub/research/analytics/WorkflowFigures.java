package org.stdhub.research.analytics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.research.Throughput;

/** The workflow figures, grouped over the research read model's facts (never over the other modules' tables). */
@Repository
@Transactional(readOnly = true)
public class WorkflowFigures {

    public static final List<String> VERIFICATION_MEASURES =
            List.of(WorkflowFeeds.TASK, WorkflowFeeds.CONFORMITY, WorkflowFeeds.EVALUATION);
    public static final List<String> TRAINING_MEASURES =
            List.of("enrolled", "attended", "exam-passed", WorkflowFeeds.CERTIFICATE);
    public static final List<String> ENQUIRY_MEASURES =
            List.of("received", "answered", "within-deadline", "withdrawn", "open");

    private final JdbcClient sql;
    private final FigureStore figures;

    WorkflowFigures(JdbcClient sql, FigureStore figures) {
        this.sql = sql;
        this.figures = figures;
    }

    /** Verification tasks completed and conformity reports per lab and month; evaluations per month. */
    public Throughput verification() {
        return perSubject(
                WorkflowFeeds.VERIFICATION,
                VERIFICATION_MEASURES,
                "sum(case when measure = 'task' then 1 else 0 end),"
                        + " sum(case when measure = 'conformity' then 1 else 0 end),"
                        + " sum(case when measure = 'evaluation' then 1 else 0 end)");
    }

    /**
     * Enrolments (not cancelled; waiting ones included), attendances, passed exam attempts and certificates per
     * course and month.
     */
    public Throughput training() {
        return perSubject(
                WorkflowFeeds.TRAINING,
                TRAINING_MEASURES,
                "sum(case when measure = 'enrolment' and state <> 'CANCELLED' then 1 else 0 end),"
                        + " sum(case when measure = 'enrolment' and state = 'ATTENDED' then 1 else 0 end),"
                        + " sum(case when measure = 'exam' and state = 'PASSED' then 1 else 0 end),"
                        + " sum(case when measure = 'certificate' then 1 else 0 end)");
    }

    private Throughput perSubject(String source, List<String> measures, String sums) {
        List<Throughput.Row> rows = sql.sql("select fact_month, subject_id, max(subject_name), " + sums
                        + " from research_fact where source = ? group by fact_month, subject_id"
                        + " order by fact_month desc, subject_id")
                .param(source)
                .query((rs, i) -> new Throughput.Row(
                        rs.getString(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getString(3),
                        java.util.stream.IntStream.range(0, measures.size())
                                .mapToObj(k -> {
                                    try {
                                        return rs.getLong(4 + k);
                                    } catch (java.sql.SQLException e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                                .toList(),
                        null))
                .list();
        return new Throughput(
                source, measures, rows, figures.refreshedAt(source).orElse(null));
    }

    /**
     * Enquiries per month asked: received, answered, answered within the deadline, withdrawn, still open; and the mean
     * answer time in days.
     */
    public Throughput enquiries() {
        List<Throughput.Row> rows = sql.sql("select fact_month, count(*),"
                        + " sum(case when duration_seconds is not null then 1 else 0 end),"
                        + " sum(case when within_deadline = true then 1 else 0 end),"
                        + " sum(case when state = 'WITHDRAWN' then 1 else 0 end),"
                        + " sum(case when state in ('SUBMITTED', 'ASSIGNED') then 1 else 0 end),"
                        + " avg(cast(duration_seconds as double precision))"
                        + " from research_fact where source = ? group by fact_month order by fact_month desc")
                .param(WorkflowFeeds.ENQUIRIES)
                .query((rs, i) -> {
                    double mean = rs.getDouble(7);
                    boolean none = rs.wasNull();
                    return new Throughput.Row(
                            rs.getString(1),
                            null,
                            null,
                            List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                            none ? null : Math.round(mean / 86_400.0 * 10) / 10.0);
                })
                .list();
        return new Throughput(
                WorkflowFeeds.ENQUIRIES,
                ENQUIRY_MEASURES,
                rows,
                figures.refreshedAt(WorkflowFeeds.ENQUIRIES).orElse(null));
    }

    /** Open enquiries whose deadline lies before {@code today}. */
    public long enquiriesPastDeadline(LocalDate today) {
        return sql.sql("select count(*) from research_fact where source = ? and state in ('SUBMITTED', 'ASSIGNED')"
                        + " and due_on < ?")
                .params(WorkflowFeeds.ENQUIRIES, today)
                .query(Long.class)
                .single();
    }
}
