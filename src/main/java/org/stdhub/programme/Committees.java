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
import org.stdhub.catalog.StandardLookup;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * The base's committees: the expert committee (专家委员会), the coordination group (领导小组/工作机构) and the registry of
 * the national technical committees hosted in the province (secretariat unit, scope; the standards they are responsible
 * for come from the catalog by the standards' committee field, {@link StandardLookup#byCommittee}). Members (linked to
 * their person account where they have one; by name for outsiders), meetings with their agenda, and the opinions and
 * decisions taken, each linked to what it decided (a contract, task, evaluation, bulletin or subsidy claim that
 * exists). A registered TC's development projects: development's projects record no technical committee (they are an
 * alliance's group-standard projects), so the base office lists the projects a TC answers for, each checked to exist
 * through development's {@link Projects} API when linked and shown as development has it now. The base office keeps
 * them; anyone signed in reads them.
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

    /**
     * A member: the person account (by id or login) where the member has one, whose display name is taken when no
     * name is given; otherwise the name (an outsider).
     */
    public record NewMember(String name, String position, Long personId, String login) {

        public NewMember(String name, String position) {
            this(name, position, null, null);
        }
    }

    public record NewMeeting(LocalDate heldOn, String agenda) {}

    /** What a meeting records: an opinion (意见) or a decision (决定). */
    public enum RecordKind {
        OPINION,
        DECISION;

        public String messageKey() {
            return "programme.record-kind." + name();
        }
    }

    /** What a meeting's opinion or decision may be about: a record of the programme that exists. */
    public enum SubjectType {
        CONTRACT("programme_contract", "/programme/contracts/%s"),
        TASK("programme_task", null),
        EVALUATION("programme_evaluation", "/programme/evaluations/%s"),
        BULLETIN("programme_bulletin", "/programme/bulletins/%s"),
        SUBSIDY_CLAIM("programme_subsidy_claim", "/programme/subsidy-claims#claim-%s");

        private final String table;
        private final String page;

        SubjectType(String table, String page) {
            this.table = table;
            this.page = page;
        }

        public String messageKey() {
            return "programme.subject-type." + name();
        }
    }

    /**
     * An opinion or decision of a meeting (a decision when no kind is given), linked to what it decided: {@code
     * subjectType} and the record's number {@code subjectId}, both or neither.
     */
    public record NewDecision(String text, String subjectType, String subjectId, RecordKind kind) {

        public NewDecision(String text, String subjectType, String subjectId) {
            this(text, subjectType, subjectId, null);
        }
    }

    public record CommitteeView(
            long id,
            Kind kind,
            String name,
            String tcCode,
            Long secretariatOrganizationId,
            String secretariatName,
            String scope,
            List<Member> members,
            List<Meeting> meetings,
            List<CommitteeProject> projects) {}

    /**
     * A development project a registered TC answers for, as development has it now (title, alliance, stage and, once
     * published, designation); {@code found} false when development no longer has it.
     */
    public record CommitteeProject(
            long projectId,
            boolean found,
            String titleZh,
            String titleEn,
            String alliancePrefix,
            String stage,
            String stageKey,
            String designation,
            String link) {}

    /** A member; {@code personId} links the person account (null for an outsider). */
    public record Member(long id, String name, String position, Long personId) {}

    public record Meeting(long id, LocalDate heldOn, String agenda, List<Decision> decisions) {}

    /** An opinion or decision, with the address of what it decided (null when it has no page). */
    public record Decision(
            long id, RecordKind kind, String text, String subjectType, String subjectId, String subjectLink) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Recipients people;
    private final StandardLookup catalog;
    private final Organizations organizations;
    private final Projects projects;

    Committees(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            Recipients people,
            StandardLookup catalog,
            Organizations organizations,
            Projects projects) {
        this.organizations = organizations;
        this.projects = projects;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.people = people;
        this.catalog = catalog;
    }

    /**
     * The standards a registered technical committee is responsible for, from the catalog by its TC code, one page of
     * 20 at a time (none for a committee without a code).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StandardLookup.CommitteePage standards(long committeeId, int page) {
        CommitteeView c = get(committeeId);
        if (c.tcCode() == null) {
            return new StandardLookup.CommitteePage(List.of(), 0, 0, STANDARDS_PAGE);
        }
        return catalog.byCommittee(c.tcCode(), page, STANDARDS_PAGE);
    }

    static final int STANDARDS_PAGE = 20;

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
        if (f.secretariatOrganizationId() != null) {
            try {
                organizations.find(f.secretariatOrganizationId());
            } catch (NotFoundException e) {
                throw new InvalidInputException(
                        java.util.Map.of("secretariatOrganizationId", "programme.error.unit-required"));
            }
        }
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
        Contact account = null;
        String login = f.login() == null ? null : f.login().strip();
        if (f.personId() != null) {
            account = people.ofPerson(f.personId()).stream().findFirst().orElse(null);
            errors.check(account != null, "personId", "programme.error.no-account");
        } else if (login != null && !login.isEmpty()) {
            account = people.ofLogin(login).stream().findFirst().orElse(null);
            errors.check(account != null, "login", "programme.error.no-account");
        }
        String name = account != null && (f.name() == null || f.name().isBlank())
                ? account.displayName()
                : Text.required(f.name(), 200, "name", errors);
        String position = Text.required(f.position(), 200, "position", errors);
        errors.throwIfAny();
        Long personId = account == null ? null : account.personId();
        if (personId != null) {
            int already = jdbc.sql("select count(*) from programme_committee_member where committee_id = ?"
                            + " and person_id = ?")
                    .params(committeeId, personId)
                    .query(Integer.class)
                    .single();
            if (already > 0) {
                throw new ConflictException("programme.error.member-twice", name);
            }
        }
        jdbc.sql("insert into programme_committee_member (committee_id, name, position, person_id) values (?,?,?,?)")
                .params(committeeId, name.length() > 200 ? name.substring(0, 200) : name, position, personId)
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, committeeId, "member-added")
                .withChange("member", null, name + " / " + position)
                .withChange("person", null, personId));
        return get(committeeId);
    }

    /**
     * The base office lists a development project among a registered TC's projects: only a technical committee, only
     * a project development has (by its number), once.
     */
    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView linkProject(long committeeId, Long projectId) {
        CommitteeView c = get(committeeId);
        if (c.kind() != Kind.TECHNICAL_COMMITTEE) {
            throw new ConflictException("programme.error.projects-tc-only");
        }
        if (projectId == null) {
            throw new InvalidInputException(java.util.Map.of("projectId", "programme.error.required"));
        }
        ProjectView project;
        try {
            project = projects.get(projectId);
        } catch (NotFoundException e) {
            throw new InvalidInputException(java.util.Map.of("projectId", "programme.error.no-project"));
        }
        int already = jdbc.sql(
                        "select count(*) from programme_committee_project where committee_id = ? and project_id = ?")
                .params(committeeId, projectId)
                .query(Integer.class)
                .single();
        if (already > 0) {
            throw new ConflictException("programme.error.project-linked-twice", project.titleZh());
        }
        ProgrammeViewer viewer = ProgrammeViewer.current();
        String by = viewer.actor().length() > 200 ? viewer.actor().substring(0, 200) : viewer.actor();
        jdbc.sql("insert into programme_committee_project (committee_id, project_id, linked_by, linked_at)"
                        + " values (?,?,?,?)")
                .params(committeeId, projectId, by, Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, committeeId, "project-linked")
                .withChange("project", null, projectId + " " + project.titleZh()));
        return get(committeeId);
    }

    /** The base office takes a project off a TC's list (a link made by mistake), with the reason. */
    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView unlinkProject(long committeeId, long projectId, String reason) {
        get(committeeId);
        var errors = new InvalidInputException.Collector();
        String why = Text.required(reason, 2000, "reason", errors);
        errors.throwIfAny();
        int removed = jdbc.sql("delete from programme_committee_project where committee_id = ? and project_id = ?")
                .params(committeeId, projectId)
                .update();
        if (removed == 0) {
            throw new NotFoundException("programme.error.no-committee-project");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, committeeId, "project-unlinked")
                .withChange("project", projectId, null)
                .withComment(why));
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
        RecordKind kind = f.kind() == null ? RecordKind.DECISION : f.kind();
        SubjectType subjectType = null;
        if (type != null) {
            subjectType = subjectType(type);
            long subjectId;
            try {
                subjectId = Long.parseLong(subject);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(java.util.Map.of("subjectId", "programme.error.decision-subject"));
            }
            int exists = jdbc.sql("select count(*) from " + subjectType.table + " where id = ?")
                    .param(subjectId)
                    .query(Integer.class)
                    .single();
            if (exists == 0) {
                throw new InvalidInputException(java.util.Map.of("subjectId", "programme.error.decision-subject"));
            }
        }
        return record(committeeId, meetingId, text, subjectType == null ? null : subjectType.name(), subject, kind);
    }

    /**
     * An opinion of a meeting on a record another module keeps, which that module has checked exists (e.g. research's
     * project plans, {@code research-project}:{@code 7}): programme stores the link as written and does not check it.
     */
    @PreAuthorize(Contracts.OFFICE)
    public CommitteeView addOpinionOnOtherRecord(long meetingId, String text, String subjectType, String subjectId) {
        Long committeeId = jdbc.sql("select committee_id from programme_meeting where id = ?")
                .param(meetingId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-meeting"));
        var errors = new InvalidInputException.Collector();
        String checked = Text.required(text, 4000, "text", errors);
        String type = Text.required(subjectType, 40, "subjectType", errors);
        String subject = Text.required(subjectId, 100, "subjectId", errors);
        errors.throwIfAny();
        return record(committeeId, meetingId, checked, type, subject, RecordKind.OPINION);
    }

    private CommitteeView record(
            long committeeId, long meetingId, String text, String subjectType, String subject, RecordKind kind) {
        jdbc.sql("insert into programme_decision (meeting_id, text, subject_type, subject_id, kind) values (?,?,?,?,?)")
                .params(meetingId, text, subjectType, subject, kind.name())
                .update();
        events.publishEvent(StateChanged.of(
                        AUDIT_TYPE, committeeId, kind == RecordKind.OPINION ? "opinion-recorded" : "decision-recorded")
                .withChange("decision", null, text)
                .withChange("subject", null, subjectType == null ? null : subjectType + ":" + subject));
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
                .query((rs, n) -> new Member(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("position"),
                        rs.getObject("person_id", Long.class)))
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
                        rs.getObject("secretariat_organization_id", Long.class),
                        secretariatName(rs.getObject("secretariat_organization_id", Long.class)),
                        rs.getString("scope"),
                        members,
                        meetings,
                        projectsOf(id)))
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-committee"));
    }

    /** The TC's projects in the order they were linked, each as development has it now. */
    private List<CommitteeProject> projectsOf(long committeeId) {
        return jdbc
                .sql("select project_id from programme_committee_project where committee_id = ? order by id")
                .param(committeeId)
                .query(Long.class)
                .list()
                .stream()
                .map(this::project)
                .toList();
    }

    private CommitteeProject project(long projectId) {
        try {
            ProjectView p = projects.get(projectId);
            return new CommitteeProject(
                    projectId,
                    true,
                    p.titleZh(),
                    p.titleEn(),
                    p.alliancePrefix(),
                    p.stage(),
                    p.stageKey(),
                    p.designation(),
                    "/projects/" + projectId);
        } catch (NotFoundException e) {
            return new CommitteeProject(projectId, false, null, null, null, null, null, null, null);
        }
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
                        RecordKind.valueOf(rs.getString("kind")),
                        rs.getString("text"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        link(rs.getString("subject_type"), rs.getString("subject_id"))))
                .list();
    }

    private String secretariatName(Long organizationId) {
        if (organizationId == null) {
            return null;
        }
        try {
            return organizations.find(organizationId).nameZh();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The subject type as written (CONTRACT, contract, subsidy-claim …), else 400. */
    private static SubjectType subjectType(String written) {
        String name = written.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (SubjectType t : SubjectType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new InvalidInputException(java.util.Map.of("subjectType", "programme.error.decision-subject-type"));
    }

    private String link(String type, String id) {
        if (type == null || id == null) {
            return null;
        }
        SubjectType t;
        try {
            t = SubjectType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null; // recorded before subjects were checked
        }
        if (t == SubjectType.TASK) {
            return jdbc.sql("select contract_id from programme_task where id = ?")
                    .param(Long.parseLong(id))
                    .query(Long.class)
                    .optional()
                    .map(c -> "/programme/contracts/" + c + "#task-" + id)
                    .orElse(null);
        }
        return t.page.formatted(id);
    }
}
