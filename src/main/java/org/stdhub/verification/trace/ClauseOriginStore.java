package org.stdhub.verification.trace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stdhub.verification.conformity.ConformityStore;

/** Where the clauses of standards come from ({@code clause_origin}), one row per standard and clause. */
@Repository
public class ClauseOriginStore {

    public record OriginRow(
            long id,
            String designation,
            String clauseNo,
            String requirement,
            String researchResult,
            String patentNumber,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    private final JdbcClient sql;

    ClauseOriginStore(JdbcTemplate jdbc) {
        this.sql = JdbcClient.create(jdbc);
    }

    public List<OriginRow> of(String designationKey) {
        return sql.sql("select id, designation, clause_no, requirement, research_result, patent_number, recorded_by,"
                        + " recorded_at from clause_origin where designation_key = ? order by id")
                .param(designationKey)
                .query(OriginRow.class)
                .list();
    }

    /** Records a clause's origin, replacing what was recorded for the same clause; true when it was new. */
    public boolean record(
            String designation,
            String key,
            String clause,
            String requirement,
            String research,
            String patent,
            String by,
            Instant now) {
        int updated = sql.sql("update clause_origin set requirement = ?, research_result = ?, patent_number = ?,"
                        + " recorded_by = ?, recorded_at = ? where designation_key = ? and clause_no = ?")
                .params(requirement, research, patent, by, ConformityStore.at(now), key, clause)
                .update();
        if (updated > 0) {
            return false;
        }
        sql.sql("insert into clause_origin (designation, designation_key, clause_no, requirement, research_result,"
                        + " patent_number, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(designation, key, clause, requirement, research, patent, by, ConformityStore.at(now))
                .update();
        return true;
    }
}
