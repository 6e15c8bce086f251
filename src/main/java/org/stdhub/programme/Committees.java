package org.stdhub.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * The base's committees: the expert committee (专家委员会), the coordination group (领导小组/工作机构) and the registry of
 * the national technical committees hosted in the province (secretariat unit, scope; their standards are found in the
 * catalog by {@code tc}). Members, meetings with their agenda, and decisions linked to what they decided. The base
 * office keeps them; anyone signed in reads them.
 */
@Service
@Transactional
public class Committees {

    static final String AUDIT_TYPE = "programme-committee";

    public enum Kind {
        EXPERT_COMMITTEE,
        COORDINATION_GROUP,
        TECHNICAL_COMMITTEE;

        public String messageKey() {
            return "programme.committee-kind." + name();
        }
    }

    public record NewCommittee(Kind kind, String name, String tcCode, Long secretariatOrganizationId, String scope) {}

    public record NewMember(String name, String position) {}

    public record NewMeeting(LocalDate heldOn, String agenda) {}

    /** A decision of a meeting, linked to what it decided ({@code subjectType} e.g. "contract", {@code subjectId}). */
    public record NewDecision(String text, String subjectType, String subjectId) {}

    public record CommitteeView(
            long id,
            Kind kind,
            String name,
            String tcCode,
            Long secretariatOrganizationId,
            String scope,
            List<Member> members,
            List<Meeting> meetings) {}

    public record Member(long id, String name, String position) {}

    public record Meeting(long id, LocalDate heldOn, String agenda, List<Decision> decisions) {}

    public record Decision(long id, String text, String subjectType, String subjectId) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Committees(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView create(NewCommittee f) {
        var errors = new InvalidInputException.Collector();
        errors.check(f.kind() != null, "kind", "programme.error.required");
        String name = Text.required(f.name(), 300, "name", errors);
        String tc = Text.optional(f.tcCode(), 40, "tcCode", errors);
        errors.check(
                f.kind() != Kind.TECHNICAL_COMMITTEE || (tc != null && f.secretariatOrganizationId() != null),
                "tcCode",
                "programme.error.tc-needs-code");
        String scope = Text.optional(f.scope(), 2000, "scope", errors);
        errors.throwIfAny();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into programme_committee (kind, name, tc_code, secretariat_organization_id, scope, created_at) values (?,?,?,?,?,?)")
                .params(
                        f.kind().name(),
                        name,
                        tc,
                        f.secretariatOrganizationId(),
                        scope,
                        Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created")
                .withChange("name", null, name)
                .withChange("kind", null, f.kind()));
        return get(id);
    }

    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView addMember(long committeeId, NewMember f) {
        get(committeeId);
        var errors = new InvalidInputException.Collector();
        String name = Text.required(f.name(), 200, "name", errors);
        String position = Text.required(f.position(), 200, "position", errors);
        errors.throwIfAny();
        jdbc.sql("insert into programme_committee_member (committee_id, name, position) values (?,?,?)")
                .params(committeeId, name, position)
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, committeeId, "member-added")
                .withChange("member", null, name + " / " + position));
        return get(committeeId);
    }

    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView addMeeting(long committeeId, NewMeeting f) {
        get(committeeId);
        var errors = new InvalidInputException.Collector();
        errors.check(f.heldOn() != null, "heldOn", "programme.error.required");
        String agenda = Text.required(f.agenda(), 4000, "agenda", errors);
        errors.throwIfAny();
        jdbc.sql("insert into programme_meeting (committee_id, held_on, agenda) values (?,?,?)")
                .params(committeeId, f.heldOn(), agenda)
                .update();
        events.publishEvent(
                StateChanged.of(AUDIT_TYPE, committeeId, "meeting-added").withChange("meeting", null, f.heldOn()));
        return get(committeeId);
    }

    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView addDecision(long meetingId, NewDecision f) {
        Long committeeId = jdbc.sql("select committee_id from programme_meeting where id = ?")
                .param(meetingId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-meeting"));
        var errors = new InvalidInputException.Collector();
        String text = Text.required(f.text(), 4000, "text", errors);
        String type = Text.optional(f.subjectType(), 40, "subjectType", errors);
        String subject = Text.optional(f.subjectId(), 100, "subjectId", errors);
        errors.check((type == null) == (subject == null), "subjectId", "programme.error.decision-link");
        errors.throwIfAny();
        jdbc.sql("insert into programme_decision (meeting_id, text, subject_type, subject_id) values (?,?,?,?)")
                .params(meetingId, text, type, subject)
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, committeeId, "decision-recorded")
                .withChange("decision", null, text)
                .withChange("subject", null, type == null ? null : type + ":" + subject));
        return get(committeeId);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CommitteeView> list() {
        return jdbc.sql("select id from programme_committee order by kind, name").query(Long.class).list().stream()
                .map(this::get)
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CommitteeView get(long id) {
        var members = jdbc.sql("select * from programme_committee_member where committee_id = ? order by id")
                .param(id)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("position")))
                .list();
        var meetings = jdbc.sql("select * from programme_meeting where committee_id = ? order by held_on desc, id desc")
                .param(id)
                .query((rs, n) -> new Meeting(
                        rs.getLong("id"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("agenda"),
                        decisionsOf(rs.getLong("id"))))
                .list();
        return jdbc.sql("select * from programme_committee where id = ?")
                .param(id)
                .query((rs, n) -> new CommitteeView(
                        rs.getLong("id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("tc_code"),
                        (Long) rs.getObject("secretariat_organization_id", Long.class),
                        rs.getString("scope"),
                        members,
                        meetings))
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-committee"));
    }

    /** A decision about one subject, with the committee and meeting that took it. */
    public record SubjectDecision(
            long decisionId,
            long committeeId,
            String committeeName,
            Kind kind,
            long meetingId,
            LocalDate heldOn,
            String text) {}

    /** A meeting of a committee, to pick when recording a decision. */
    public record MeetingRef(long meetingId, long committeeId, String committeeName, LocalDate heldOn, String agenda) {}

    /**
     * The decisions linked to {@code subjectType}:{@code subjectId} (e.g. the expert committee's opinions on a
     * research plan, {@code research-project}:{@code 7}), oldest first.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SubjectDecision> decisionsOn(String subjectType, String subjectId) {
        return jdbc.sql("select d.id, c.id, c.name, c.kind, m.id, m.held_on, d.text from programme_decision d"
                        + " join programme_meeting m on m.id = d.meeting_id"
                        + " join programme_committee c on c.id = m.committee_id"
                        + " where d.subject_type = ? and d.subject_id = ? order by m.held_on, d.id")
                .params(subjectType, subjectId)
                .query((rs, n) -> new SubjectDecision(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Kind.valueOf(rs.getString(4)),
                        rs.getLong(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7)))
                .list();
    }

    /** The meetings of the committees of {@code kind}, latest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MeetingRef> meetingsOf(Kind kind) {
        return jdbc.sql("select m.id, c.id, c.name, m.held_on, m.agenda from programme_meeting m"
                        + " join programme_committee c on c.id = m.committee_id where c.kind = ?"
                        + " order by m.held_on desc, m.id desc")
                .param(kind.name())
                .query((rs, n) -> new MeetingRef(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
    }

    private List<Decision> decisionsOf(long meetingId) {
        return jdbc.sql("select * from programme_decision where meeting_id = ? order by id")
                .param(meetingId)
                .query((rs, n) -> new Decision(
                        rs.getLong("id"),
                        rs.getString("text"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id")))
                .list();
    }
}
