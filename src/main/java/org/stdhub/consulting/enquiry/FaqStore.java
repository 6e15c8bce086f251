package org.stdhub.consulting.enquiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.consulting.FaqEntry;

/** FAQ entries in the database, searched with LIKE over their Chinese and English text. */
@Component
public class FaqStore {

    private static final String COLUMNS = "select id, question_zh, answer_zh, question_en, answer_en, field_code,"
            + " answer_references, published_at, demo from faq_entry";

    private static final RowMapper<FaqEntry> ENTRY = (rs, n) -> {
        String refs = rs.getString(7);
        return new FaqEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                refs == null ? List.of() : Arrays.asList(refs.split("\n")),
                rs.getTimestamp(8).toInstant(),
                rs.getBoolean(9));
    };

    private final JdbcTemplate jdbc;

    FaqStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            Long enquiryId,
            String questionZh,
            String answerZh,
            String questionEn,
            String answerEn,
            String fieldCode,
            List<String> references,
            String publishedBy,
            Instant at,
            boolean demo) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into faq_entry (enquiry_id, question_zh, answer_zh, question_en, answer_en,"
                                    + " field_code, answer_references, published_by_name, published_at, demo)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    if (enquiryId == null) {
                        ps.setNull(1, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(1, enquiryId);
                    }
                    ps.setString(2, questionZh);
                    ps.setString(3, answerZh);
                    ps.setString(4, questionEn);
                    ps.setString(5, answerEn);
                    ps.setString(6, fieldCode);
                    ps.setString(7, references == null || references.isEmpty() ? null : String.join("\n", references));
                    ps.setString(8, publishedBy);
                    ps.setTimestamp(9, Timestamp.from(at));
                    ps.setBoolean(10, demo);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    public Optional<FaqEntry> find(long id) {
        return jdbc.query(COLUMNS + " where id = ?", ENTRY, id).stream().findFirst();
    }

    /** Entries whose question, answer or references contain every word of {@code q}; newest first. */
    public List<FaqEntry> search(String q, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (q != null) {
            for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                where.append(" and lower(concat(question_zh, ' ', answer_zh, ' ', coalesce(question_en, ''), ' ',"
                        + " coalesce(answer_en, ''), ' ', coalesce(answer_references, ''), ' ',"
                        + " coalesce(field_code, ''))) like ?");
                params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                if (params.size() >= 8) {
                    break;
                }
            }
        }
        params.add(limit);
        return jdbc.query(COLUMNS + where + " order by published_at desc, id desc limit ?", ENTRY, params.toArray());
    }

    public boolean existsForEnquiry(long enquiryId) {
        Integer n =
                jdbc.queryForObject("select count(*) from faq_entry where enquiry_id = ?", Integer.class, enquiryId);
        return n != null && n > 0;
    }

    public boolean delete(long id) {
        return jdbc.update("delete from faq_entry where id = ?", id) > 0;
    }
}
