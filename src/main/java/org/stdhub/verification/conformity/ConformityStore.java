package org.stdhub.verification.conformity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables of conformity testing ({@code conformity_*}), read and written with plain SQL. Times travel as {@link
 * OffsetDateTime} (both databases' drivers read and write it); the rows are the module's internals, the root API
 * turns them into views.
 */
@Repository
public class ConformityStore {

    /** A request row. */
    public record RequestRow(
            long id,
            long enterpriseId,
            String enterpriseName,
            long labId,
            String labName,
            long requestedBy,
            String requesterName,
            String product,
            String samples,
            LocalDate dueDate,
            String state,
            String stateReason,
            String reportNumber,
            LocalDate reportIssuedOn,
            String reportConclusion,
            String issuedByName,
            boolean demo,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            int version) {}

    /** A standard row. */
    public record StandardRow(
            long id,
            long requestId,
            int seq,
            String designation,
            String designationKey,
            String title,
            String status,
            String warning,
            String flag,
            String flagRelated,
            OffsetDateTime flaggedAt) {}

    /** A clause row. */
    public record ClauseRow(
            long id,
            long requestId,
            long standardId,
            int seq,
            String clauseNo,
            String requirement,
            String measured,
            String unit,
            String verdict,
            String recordedBy,
            OffsetDateTime recordedAt,
            Long equipmentId,
            String equipmentName) {}

    /** A notice row. */
    public record NoticeRow(
            long id,
            long requestId,
            String designation,
            String kind,
            String related,
            long changeId,
            OffsetDateTime createdAt) {}

    /** A standard line of a request, with its request's state and requester, for the catalog watch. */
    public record TestedStandard(
            long standardId, long requestId, String designation, String flag, long requestedBy, String state) {}

    private static final String REQUEST_COLUMNS = "select id, enterprise_id, enterprise_name, lab_id, lab_name,"
            + " requested_by, requester_name, product, samples, due_date, state, state_reason, report_number,"
            + " report_issued_on, report_conclusion, issued_by_name, demo, created_at, updated_at, version"
            + " from conformity_request";

    private final JdbcClient sql;

    ConformityStore(JdbcTemplate jdbc) {
        this.sql = JdbcClient.create(jdbc);
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public long insertRequest(
            long enterpriseId,
            String enterpriseName,
            long labId,
            String labName,
            long requestedBy,
            String requesterName,
            String product,
            String samples,
            LocalDate dueDate,
            boolean demo,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        sql.sql("insert into conformity_request (enterprise_id, enterprise_name, lab_id, lab_name, requested_by,"
                        + " requester_name, product, samples, due_date, state, demo, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)")
                .params(
                        enterpriseId,
                        enterpriseName,
                        labId,
                        labName,
                        requestedBy,
                        requesterName,
                        product,
                        samples,
                        dueDate,
                        demo,
                        at(now),
                        at(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public long insertStandard(
            long requestId, int seq, String designation, String key, String title, String status, String warning) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        sql.sql(
                        "insert into conformity_standard (request_id, seq, designation, designation_key, title, status, warning)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(requestId, seq, designation, key, title, status, warning)
                .update(holder, "id");
        return holder.getKey().longValue();
    }

    public void insertClause(long requestId, long standardId, int seq, String number, String requirement) {
        sql.sql("insert into conformity_clause (request_id, standard_id, seq, clause_no, requirement)"
                        + " values (?, ?, ?, ?, ?)")
                .params(requestId, standardId, seq, number, requirement)
                .update();
    }

    public Optional<RequestRow> request(long id) {
        return sql.sql(REQUEST_COLUMNS + " where id = ?")
                .param(id)
                .query(RequestRow.class)
                .optional();
    }

    public Optional<RequestRow> byReportNumber(String number) {
        return sql.sql(REQUEST_COLUMNS + " where report_number = ? and state = 'REPORTED'")
                .param(number)
                .query(RequestRow.class)
                .optional();
    }

    public boolean reportNumberTaken(String number) {
        return sql.sql("select count(*) from conformity_request where report_number = ?")
                        .param(number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Requests of these enterprises or addressed to these labs (both may be empty), newest first. */
    public List<RequestRow> of(Collection<Long> enterprises, Collection<Long> labs, int limit) {
        if (enterprises.isEmpty() && labs.isEmpty()) {
            return List.of();
        }
        List<Long> none = List.of(-1L);
        return sql.sql(REQUEST_COLUMNS
                        + " where enterprise_id in (:enterprises) or lab_id in (:labs) order by id desc limit :limit")
                .param("enterprises", enterprises.isEmpty() ? none : List.copyOf(enterprises))
                .param("labs", labs.isEmpty() ? none : List.copyOf(labs))
                .param("limit", limit)
                .query(RequestRow.class)
                .list();
    }

    public List<RequestRow> latest(int limit) {
        return sql.sql(REQUEST_COLUMNS + " order by id desc limit ?")
                .param(limit)
                .query(RequestRow.class)
                .list();
    }

    /** Moves the request to {@code state} if it is still at {@code version}; false when someone changed it first. */
    public boolean changeState(long id, int version, String state, String reason, Instant now) {
        return sql.sql(
                                "update conformity_request set state = ?, state_reason = ?, updated_at = ?, version = version + 1"
                                        + " where id = ? and version = ?")
                        .params(state, reason, at(now), id, version)
                        .update()
                == 1;
    }

    public boolean issueReport(
            long id, int version, String number, LocalDate issuedOn, String conclusion, String issuer, Instant now) {
        return sql.sql("update conformity_request set state = 'REPORTED', report_number = ?, report_issued_on = ?,"
                                + " report_conclusion = ?, issued_by_name = ?, updated_at = ?, version = version + 1"
                                + " where id = ? and version = ?")
                        .params(number, issuedOn, conclusion, issuer, at(now), id, version)
                        .update()
                == 1;
    }

    public List<StandardRow> standards(long requestId) {
        return sql.sql("select id, request_id, seq, designation, designation_key, title, status, warning, flag,"
                        + " flag_related, flagged_at from conformity_standard where request_id = ? order by seq")
                .param(requestId)
                .query(StandardRow.class)
                .list();
    }

    public List<ClauseRow> clauses(long requestId) {
        return sql.sql("select c.id, c.request_id, c.standard_id, c.seq, c.clause_no, c.requirement, c.measured,"
                        + " c.unit, c.verdict, c.recorded_by, c.recorded_at, e.equipment_id, e.equipment_name"
                        + " from conformity_clause c left join conformity_clause_equipment e on e.clause_id = c.id"
                        + " where c.request_id = ? order by c.seq")
                .param(requestId)
                .query(ClauseRow.class)
                .list();
    }

    public void recordResult(
            long clauseId,
            String measured,
            String unit,
            String verdict,
            Long equipmentId,
            String equipmentName,
            String by,
            Instant now) {
        sql.sql("update conformity_clause set measured = ?, unit = ?, verdict = ?, recorded_by = ?, recorded_at = ?"
                        + " where id = ?")
                .params(measured, unit, verdict, by, at(now), clauseId)
                .update();
        sql.sql("delete from conformity_clause_equipment where clause_id = ?")
                .param(clauseId)
                .update();
        if (equipmentId != null) {
            sql.sql(
                            "insert into conformity_clause_equipment (clause_id, equipment_id, equipment_name) values (?, ?, ?)")
                    .params(clauseId, equipmentId, equipmentName)
                    .update();
        }
    }

    public List<NoticeRow> notices(long requestId) {
        return sql.sql("select id, request_id, designation, kind, related, change_id, created_at"
                        + " from conformity_notice where request_id = ? order by id desc")
                .param(requestId)
                .query(NoticeRow.class)
                .list();
    }

    /** The tested standard lines whose designation key is one of {@code keys}. */
    public List<TestedStandard> testedWithKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return sql.sql("select s.id as standard_id, s.request_id, s.designation, s.flag, r.requested_by, r.state"
                        + " from conformity_standard s join conformity_request r on r.id = s.request_id"
                        + " where s.designation_key in (:keys)")
                .param("keys", List.copyOf(keys))
                .query(TestedStandard.class)
                .list();
    }

    /** Flags a standard line once (the first withdrawal or replacement is kept). */
    public boolean flag(long standardId, String flag, String related, Instant now) {
        return sql.sql("update conformity_standard set flag = ?, flag_related = ?, flagged_at = ?"
                                + " where id = ? and flag is null")
                        .params(flag, related, at(now), standardId)
                        .update()
                == 1;
    }

    /** Records a notice once per request, change and designation; false when it was already there. */
    public boolean notice(long requestId, String designation, String kind, String related, long changeId, Instant now) {
        int exists = sql.sql("select count(*) from conformity_notice where request_id = ? and change_id = ?"
                        + " and designation = ?")
                .params(requestId, changeId, designation)
                .query(Integer.class)
                .single();
        if (exists > 0) {
            return false;
        }
        sql.sql("insert into conformity_notice (request_id, designation, kind, related, change_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(requestId, designation, kind, related, changeId, at(now))
                .update();
        return true;
    }

    /** Clause results of reported requests against the standard with {@code designationKey}, for traceability. */
    public List<ClauseRow> reportedClausesOf(String designationKey) {
        return sql.sql("select c.id, c.request_id, c.standard_id, c.seq, c.clause_no, c.requirement, c.measured,"
                        + " c.unit, c.verdict, c.recorded_by, c.recorded_at, e.equipment_id, e.equipment_name"
                        + " from conformity_clause c left join conformity_clause_equipment e on e.clause_id = c.id"
                        + " join conformity_standard s on s.id = c.standard_id"
                        + " join conformity_request r on r.id = c.request_id"
                        + " where s.designation_key = ? and r.state = 'REPORTED' order by c.clause_no, c.id")
                .param(designationKey)
                .query(ClauseRow.class)
                .list();
    }

    public boolean anyDemo() {
        return sql.sql("select count(*) from conformity_request where demo = true")
                        .query(Long.class)
                        .single()
                > 0;
    }
}
