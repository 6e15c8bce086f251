package org.stdhub.consulting.enquiry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.consulting.EnquiryState;
import org.stdhub.consulting.EnquiryView;

/** Enquiries, their attachments and the routing table in the database. */
@Component
public class EnquiryStore {

    private static final String COLUMNS =
            "select id, organization_id, organization_name, asker_name, subject, question,"
                    + " field_scheme, field_code, state, assignee_person_id, assignee_name, submitted_at, due_on, answer,"
                    + " answer_references, answered_at, rating, rating_comment, demo from enquiry";

    private final JdbcTemplate jdbc;

    EnquiryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new enquiry to write. */
    public record NewEnquiry(
            long organizationId,
            String organizationName,
            long askerPersonId,
            String askerName,
            String subject,
            String question,
            String fieldScheme,
            String fieldCode,
            EnquiryState state,
            Long assigneePersonId,
            String assigneeName,
            Instant submittedAt,
            LocalDate dueOn,
            boolean demo) {}

    public long insert(NewEnquiry e) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into enquiry (organization_id, organization_name, asker_person_id, asker_name,"
                                    + " subject, question, field_scheme, field_code, state, assignee_person_id,"
                                    + " assignee_name, submitted_at, due_on, demo)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, e.organizationId());
                    ps.setString(2, e.organizationName());
                    ps.setLong(3, e.askerPersonId());
                    ps.setString(4, e.askerName());
                    ps.setString(5, e.subject());
                    ps.setString(6, e.question());
                    ps.setString(7, e.fieldScheme());
                    ps.setString(8, e.fieldCode());
                    ps.setString(9, e.state().name());
                    if (e.assigneePersonId() == null) {
                        ps.setNull(10, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(10, e.assigneePersonId());
                    }
                    ps.setString(11, e.assigneeName());
                    ps.setTimestamp(12, Timestamp.from(e.submittedAt()));
                    ps.setDate(13, Date.valueOf(e.dueOn()));
                    ps.setBoolean(14, e.demo());
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    public void addAttachment(long enquiryId, String fileName, String mediaType, long size, String sha256) {
        jdbc.update(
                "insert into enquiry_attachment (enquiry_id, file_name, media_type, size_bytes, sha256)"
                        + " values (?, ?, ?, ?, ?)",
                enquiryId,
                fileName,
                mediaType,
                size,
                sha256);
    }

    /** An attachment with where its content is. */
    public record StoredAttachment(long id, long enquiryId, String fileName, String mediaType, String sha256) {}

    public Optional<StoredAttachment> attachment(long enquiryId, long attachmentId) {
        return jdbc
                .query(
                        "select id, enquiry_id, file_name, media_type, sha256 from enquiry_attachment"
                                + " where enquiry_id = ? and id = ?",
                        (rs, n) -> new StoredAttachment(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        enquiryId,
                        attachmentId)
                .stream()
                .findFirst();
    }

    /** The enquiry as read; {@code overdue} computed against {@code today}. */
    public Optional<EnquiryView> find(long id, LocalDate today) {
        return jdbc.query(COLUMNS + " where id = ?", (rs, n) -> view(rs, today), id).stream()
                .findFirst()
                .map(this::withAttachments);
    }

    /**
     * Enquiries, newest first: of the given enterprises, assigned to the person, or (office) all; optionally only in
     * one state.
     */
    public List<EnquiryView> list(
            boolean all, List<Long> organizations, Long assignee, EnquiryState state, LocalDate today, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where (");
        if (all) {
            where.append("1 = 1");
        } else {
            where.append("1 = 0");
            if (!organizations.isEmpty()) {
                where.append(" or organization_id in (")
                        .append(String.join(",", java.util.Collections.nCopies(organizations.size(), "?")))
                        .append(")");
                params.addAll(organizations);
            }
            if (assignee != null) {
                where.append(" or assignee_person_id = ?");
                params.add(assignee);
            }
        }
        where.append(")");
        if (state != null) {
            where.append(" and state = ?");
            params.add(state.name());
        }
        params.add(limit);
        return jdbc.query(
                COLUMNS + where + " order by submitted_at desc, id desc limit ?",
                (rs, n) -> view(rs, today),
                params.toArray());
    }

    /** Moves an enquiry from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean move(long id, EnquiryState from, EnquiryState to) {
        return jdbc.update(
                        "update enquiry set state = ?, version = version + 1 where id = ? and state = ?",
                        to.name(),
                        id,
                        from.name())
                == 1;
    }

    public void assign(long id, long personId, String name) {
        jdbc.update(
                "update enquiry set assignee_person_id = ?, assignee_name = ?, last_reminded_on = null where id = ?",
                personId,
                name,
                id);
    }

    public void answer(long id, String answer, List<String> references, Instant at) {
        jdbc.update(
                "update enquiry set answer = ?, answer_references = ?, answered_at = ? where id = ?",
                answer,
                references.isEmpty() ? null : String.join("\n", references),
                Timestamp.from(at),
                id);
    }

    public void rate(long id, int rating, String comment) {
        jdbc.update("update enquiry set rating = ?, rating_comment = ? where id = ?", rating, comment, id);
    }

    /** An open enquiry whose assignee is to be reminded. */
    public record Due(long id, String subject, long assigneePersonId, LocalDate dueOn) {}

    /** Assigned enquiries due on or before {@code dueBy} whose assignee was not reminded on {@code today}. */
    public List<Due> toRemind(LocalDate dueBy, LocalDate today) {
        return jdbc.query(
                "select id, subject, assignee_person_id, due_on from enquiry where state = 'ASSIGNED'"
                        + " and due_on <= ? and (last_reminded_on is null or last_reminded_on < ?) order by due_on, id",
                (rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getDate(4).toLocalDate()),
                Date.valueOf(dueBy),
                Date.valueOf(today));
    }

    /** Marks the reminder sent today, unless another run did first; true when this call marked it. */
    public boolean markReminded(long id, LocalDate today) {
        return jdbc.update(
                        "update enquiry set last_reminded_on = ? where id = ?"
                                + " and (last_reminded_on is null or last_reminded_on < ?)",
                        Date.valueOf(today),
                        id,
                        Date.valueOf(today))
                == 1;
    }

    /** A route of the routing table. */
    public record Route(long id, String scheme, String prefix, long assigneePersonId, String assigneeName) {}

    public List<Route> routes() {
        return jdbc.query(
                "select id, field_scheme, field_prefix, assignee_person_id, assignee_name from enquiry_route"
                        + " order by field_scheme, field_prefix",
                (rs, n) -> new Route(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
    }

    /** Adds a route, or changes the assignee of the route with the same scheme and prefix. */
    public void putRoute(String scheme, String prefix, long personId, String name, Instant now) {
        int changed = jdbc.update(
                "update enquiry_route set assignee_person_id = ?, assignee_name = ? where field_scheme = ?"
                        + " and field_prefix = ?",
                personId,
                name,
                scheme,
                prefix);
        if (changed == 0) {
            jdbc.update(
                    "insert into enquiry_route (field_scheme, field_prefix, assignee_person_id, assignee_name,"
                            + " created_at) values (?, ?, ?, ?, ?)",
                    scheme,
                    prefix,
                    personId,
                    name,
                    Timestamp.from(now));
        }
    }

    public boolean removeRoute(long id) {
        return jdbc.update("delete from enquiry_route where id = ?", id) > 0;
    }

    private EnquiryView withAttachments(EnquiryView v) {
        List<EnquiryView.Attachment> files = jdbc.query(
                "select id, file_name, media_type, size_bytes from enquiry_attachment where enquiry_id = ? order by id",
                (rs, n) -> new EnquiryView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                v.id());
        return new EnquiryView(
                v.id(),
                v.organizationId(),
                v.organizationName(),
                v.askerName(),
                v.subject(),
                v.question(),
                v.fieldScheme(),
                v.fieldCode(),
                v.state(),
                v.assigneePersonId(),
                v.assigneeName(),
                v.submittedAt(),
                v.dueOn(),
                v.overdue(),
                v.answer(),
                v.references(),
                v.answeredAt(),
                v.rating(),
                v.ratingComment(),
                v.demo(),
                files);
    }

    private static EnquiryView view(ResultSet rs, LocalDate today) throws SQLException {
        EnquiryState state = EnquiryState.valueOf(rs.getString(9));
        long assignee = rs.getLong(10);
        Long assigneeId = rs.wasNull() ? null : assignee;
        LocalDate due = rs.getDate(13).toLocalDate();
        String refs = rs.getString(15);
        Timestamp answered = rs.getTimestamp(16);
        int rating = rs.getInt(17);
        Integer ratingValue = rs.wasNull() ? null : rating;
        return new EnquiryView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                state,
                assigneeId,
                rs.getString(11),
                rs.getTimestamp(12).toInstant(),
                due,
                state.open() && due.isBefore(today),
                rs.getString(14),
                refs == null ? List.of() : Arrays.asList(refs.split("\n")),
                answered == null ? null : answered.toInstant(),
                ratingValue,
                rs.getString(18),
                rs.getBoolean(19),
                List.of());
    }
}
