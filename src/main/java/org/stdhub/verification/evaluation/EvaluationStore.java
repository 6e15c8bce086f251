package org.stdhub.verification.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stdhub.verification.conformity.ConformityStore;

/** The tables of evaluations ({@code evaluation*}), read and written with plain SQL. */
@Repository
public class EvaluationStore {

    public record EvaluationRow(
            long id,
            String designation,
            String title,
            String state,
            long responsiblePersonId,
            String responsibleName,
            Long drawId,
            String conclusion,
            OffsetDateTime signedOffAt,
            OffsetDateTime issuedAt,
            boolean demo,
            OffsetDateTime createdAt,
            int version) {}

    public record InputRow(
            long id, String name, BigDecimal amount, String source, String enteredBy, OffsetDateTime enteredAt) {}

    public record DriverRow(
            long id,
            String businessFunction,
            String driver,
            BigDecimal baselineCost,
            BigDecimal costWith,
            BigDecimal baselineRevenue,
            BigDecimal revenueWith,
            BigDecimal margin,
            String source) {}

    public record MemberRow(long id, int seq, long expertId, String expertName, OffsetDateTime signedAt) {}

    public record IndicatorRow(
            long id,
            String internationalDesignation,
            String degree,
            String indicator,
            String nationalValue,
            String internationalValue,
            String assessment) {}

    public record ResponseRow(
            long id,
            long enterpriseId,
            String enterpriseName,
            int clarity,
            int feasibility,
            int costFit,
            int effect,
            String remarks,
            String respondedBy,
            OffsetDateTime respondedAt) {}

    private static final String COLUMNS =
            "select id, designation, title, state, responsible_person_id, responsible_name,"
                    + " draw_id, conclusion, signed_off_at, issued_at, demo, created_at, version from evaluation";

    private final JdbcClient sql;

    EvaluationStore(JdbcTemplate jdbc) {
        this.sql = JdbcClient.create(jdbc);
    }

    private static OffsetDateTime at(Instant i) {
        return ConformityStore.at(i);
    }

    public long insert(String designation, String title, long personId, String name, boolean demo, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        sql.sql("insert into evaluation (designation, title, state, responsible_person_id, responsible_name, demo,"
                        + " created_at, updated_at) values (?, ?, 'DRAFT', ?, ?, ?, ?, ?)")
                .params(designation, title, personId, name, demo, at(now), at(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<EvaluationRow> get(long id) {
        return sql.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(EvaluationRow.class)
                .optional();
    }

    public List<EvaluationRow> all() {
        return sql.sql(COLUMNS + " order by id desc limit 500")
                .query(EvaluationRow.class)
                .list();
    }

    public List<EvaluationRow> issued() {
        return sql.sql(COLUMNS + " where state = 'ISSUED' order by id desc limit 500")
                .query(EvaluationRow.class)
                .list();
    }

    public List<EvaluationRow> issuedFor(String designation) {
        return sql.sql(COLUMNS + " where state = 'ISSUED' and designation = ? order by id desc")
                .param(designation)
                .query(EvaluationRow.class)
                .list();
    }

    public boolean changeState(long id, int version, String state, Instant now) {
        return sql.sql(
                                "update evaluation set state = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                        .params(state, at(now), id, version)
                        .update()
                == 1;
    }

    public void linkDraw(long id, long drawId) {
        sql.sql("update evaluation set draw_id = ? where id = ?")
                .params(drawId, id)
                .update();
    }

    public void signOff(long id, String conclusion, Instant now) {
        sql.sql("update evaluation set conclusion = ?, signed_off_at = ? where id = ?")
                .params(conclusion, at(now), id)
                .update();
        sql.sql("update evaluation_panel_member set signed_at = ? where evaluation_id = ?")
                .params(at(now), id)
                .update();
    }

    public void issued(long id, Instant now) {
        sql.sql("update evaluation set issued_at = ? where id = ?")
                .params(at(now), id)
                .update();
    }

    public void addMember(long id, int seq, long expertId, String name) {
        sql.sql("insert into evaluation_panel_member (evaluation_id, seq, expert_id, expert_name) values (?, ?, ?, ?)")
                .params(id, seq, expertId, name)
                .update();
    }

    public List<MemberRow> members(long id) {
        return sql.sql("select id, seq, expert_id, expert_name, signed_at from evaluation_panel_member"
                        + " where evaluation_id = ? order by seq")
                .param(id)
                .query(MemberRow.class)
                .list();
    }

    /** Sets an input (replacing an earlier value of the same name); returns the earlier amount, if any. */
    public Optional<BigDecimal> setInput(
            long id, String name, BigDecimal amount, String source, String by, Instant now) {
        Optional<BigDecimal> before = sql.sql(
                        "select amount from evaluation_input where evaluation_id = ? and name = ?")
                .params(id, name)
                .query(BigDecimal.class)
                .optional();
        if (before.isPresent()) {
            sql.sql("update evaluation_input set amount = ?, source = ?, entered_by = ?, entered_at = ?"
                            + " where evaluation_id = ? and name = ?")
                    .params(amount, source, by, at(now), id, name)
                    .update();
        } else {
            sql.sql("insert into evaluation_input (evaluation_id, name, amount, source, entered_by, entered_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(id, name, amount, source, by, at(now))
                    .update();
        }
        return before;
    }

    public List<InputRow> inputs(long id) {
        return sql.sql("select id, name, amount, source, entered_by, entered_at from evaluation_input"
                        + " where evaluation_id = ? order by id")
                .param(id)
                .query(InputRow.class)
                .list();
    }

    public void addDriver(
            long id,
            String function,
            String driver,
            BigDecimal baselineCost,
            BigDecimal costWith,
            BigDecimal baselineRevenue,
            BigDecimal revenueWith,
            BigDecimal margin,
            String source) {
        sql.sql("insert into evaluation_driver (evaluation_id, business_function, driver, baseline_cost, cost_with,"
                        + " baseline_revenue, revenue_with, margin, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, function, driver, baselineCost, costWith, baselineRevenue, revenueWith, margin, source)
                .update();
    }

    public List<DriverRow> drivers(long id) {
        return sql.sql("select id, business_function, driver, baseline_cost, cost_with, baseline_revenue, revenue_with,"
                        + " margin, source from evaluation_driver where evaluation_id = ? order by id")
                .param(id)
                .query(DriverRow.class)
                .list();
    }

    public void addIndicator(
            long id,
            String designation,
            String degree,
            String indicator,
            String national,
            String international,
            String assessment) {
        sql.sql("insert into evaluation_indicator (evaluation_id, international_designation, degree, indicator,"
                        + " national_value, international_value, assessment) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, designation, degree, indicator, national, international, assessment)
                .update();
    }

    public List<IndicatorRow> indicators(long id) {
        return sql.sql("select id, international_designation, degree, indicator, national_value, international_value,"
                        + " assessment from evaluation_indicator where evaluation_id = ? order by id")
                .param(id)
                .query(IndicatorRow.class)
                .list();
    }

    public boolean responded(long id, long enterpriseId) {
        return sql.sql("select count(*) from evaluation_response where evaluation_id = ? and enterprise_id = ?")
                        .params(id, enterpriseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void addResponse(
            long id,
            long enterpriseId,
            String enterpriseName,
            int clarity,
            int feasibility,
            int costFit,
            int effect,
            String remarks,
            String by,
            Instant now) {
        sql.sql(
                        "insert into evaluation_response (evaluation_id, enterprise_id, enterprise_name, clarity, feasibility,"
                                + " cost_fit, effect, remarks, responded_by, responded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, enterpriseId, enterpriseName, clarity, feasibility, costFit, effect, remarks, by, at(now))
                .update();
    }

    public List<ResponseRow> responses(long id) {
        return sql.sql("select id, enterprise_id, enterprise_name, clarity, feasibility, cost_fit, effect, remarks,"
                        + " responded_by, responded_at from evaluation_response where evaluation_id = ? order by id")
                .param(id)
                .query(ResponseRow.class)
                .list();
    }

    public boolean anyDemo() {
        return sql.sql("select count(*) from evaluation where demo = true")
                        .query(Long.class)
                        .single()
                > 0;
    }
}
