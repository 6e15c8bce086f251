package org.stdhub.development;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Standard projects: members of an alliance propose them, its secretariat moves them through the stages of {@link
 * StageTransitions}. Every change is one transaction with its timeline event, its audit record ({@link
 * StateChanged}) and a {@link ProjectStageChanged}. Anyone may read projects.
 */
@Service
@Transactional
public class Projects {

    static final String AUDIT_TYPE = "project";

    private final ProjectRepository projects;
    private final ProjectEventRepository timeline;
    private final ProjectState state;
    private final Alliances alliances;
    private final StandardLookup catalog;
    private final org.springframework.beans.factory.ObjectProvider<StagePrerequisite> prerequisites;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Projects(
            ProjectRepository projects,
            ProjectEventRepository timeline,
            ProjectState state,
            Alliances alliances,
            StandardLookup catalog,
            org.springframework.beans.factory.ObjectProvider<StagePrerequisite> prerequisites,
            ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.timeline = timeline;
        this.state = state;
        this.alliances = alliances;
        this.catalog = catalog;
        this.prerequisites = prerequisites;
        this.events = events;
        this.clock = clock;
    }

    /** A member (or the secretariat) of the alliance proposes a project; it starts at 00.00. */
    @PreAuthorize("isAuthenticated()")
    public ProjectView propose(NewProject p) {
        Alliance alliance = alliances.alliance(p.allianceId());
        Participant me = Participant.current();
        if (!me.partiesIn(alliance.getOrganizationId()).contains(Party.MEMBER) || !me.isPerson()) {
            throw new NotPermittedException("development.error.not-member-of", alliance.getNameZh());
        }
        return proposeChecked(p, me, false);
    }

    ProjectView proposeChecked(NewProject p, Participant me, boolean demo) {
        var errors = new InvalidInputException.Collector();
        errors.check(text(p.titleZh(), 300), "titleZh", "development.error.title");
        errors.check(p.titleEn() == null || p.titleEn().strip().length() <= 300, "titleEn", "development.error.title");
        errors.check(text(p.scope(), 4000), "scope", "development.error.scope");
        errors.check(p.kind() != null, "kind", "development.error.kind");
        errors.check(
                (p.kind() == ProjectKind.ADOPTION) == (p.adoptionDegree() != null),
                "adoptionDegree",
                "development.error.degree");
        errors.check(
                p.titleZh() == null || !ControlCharacters.present(p.titleZh()),
                "titleZh",
                "watch.error.control-characters");
        errors.check(
                p.titleEn() == null || !ControlCharacters.present(p.titleEn()),
                "titleEn",
                "watch.error.control-characters");
        StandardLookup.Facts base = null;
        if (p.kind() == ProjectKind.REVISION || p.kind() == ProjectKind.ADOPTION) {
            Optional<Designation> d = Optional.ofNullable(p.baseDesignation()).flatMap(Designation::tryParse);
            if (d.isEmpty()) {
                errors.add("baseDesignation", "development.error.base-unreadable");
            } else if (p.kind() == ProjectKind.ADOPTION && d.get().kind() != StandardKind.INTERNATIONAL) {
                errors.add("baseDesignation", "development.error.base-not-international");
            } else {
                base = pick(d.get());
                errors.check(base != null, "baseDesignation", "development.error.base-not-found");
            }
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        Project project = projects.save(new Project(
                p.allianceId(),
                p.titleZh().strip(),
                p.titleEn() == null || p.titleEn().isBlank()
                        ? null
                        : p.titleEn().strip(),
                p.scope().strip(),
                p.kind(),
                p.adoptionDegree(),
                base == null ? null : base.designation(),
                base == null ? null : base.id(),
                me.personId(),
                now,
                demo));
        timeline.save(new ProjectEvent(
                project.getId(), "PROPOSE", null, Stage.PROPOSAL_RECEIVED, me.personId(), me.name(), null, now));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, project.getId(), "proposed")
                .withChange("title", null, project.getTitleZh())
                .withChange("kind", null, project.getKind())
                .withChange("base", null, project.getBaseDesignation())
                .withChange("stage", null, project.stage().code()));
        return view(project, me);
    }

    /** A systematic review decided to revise: the revision project of the published standard starts at 00.00. */
    private void openRevision(Project reviewed, Participant me, String why) {
        ProjectView revision = proposeChecked(
                new NewProject(
                        reviewed.getAllianceId(),
                        reviewed.getTitleZh(),
                        reviewed.getTitleEn(),
                        reviewed.getScope(),
                        ProjectKind.REVISION,
                        null,
                        reviewed.getDesignation()),
                me,
                reviewed.isDemo());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, reviewed.getId(), "revision-opened")
                .withChange("revisionProject", null, revision.id())
                .withComment(why));
    }

    /** The standard the catalog holds under that designation, or the current edition of that work. */
    private StandardLookup.Facts pick(Designation d) {
        StandardLookup.Facts exact =
                catalog.byDesignationKeys(List.of(d.compactKey())).get(d.compactKey());
        if (exact != null) {
            return exact;
        }
        if (d.year() != null) {
            return null;
        }
        List<StandardLookup.Facts> editions =
                catalog.byWorkKeys(List.of(d.compactWorkKey())).getOrDefault(d.compactWorkKey(), List.of());
        List<StandardLookup.Facts> current =
                editions.stream().filter(StandardLookup.Facts::isCurrent).toList();
        return current.size() == 1 ? current.getFirst() : null;
    }

    private static boolean text(String s, int max) {
        return s != null && !s.isBlank() && s.strip().length() <= max;
    }

    /** Makes the transition {@code name} on the project as the signed-in person (or the system), with a reason. */
    @PreAuthorize("isAuthenticated()")
    public ProjectView transition(long projectId, String name, String comment) {
        Project p = project(projectId);
        Participant me = Participant.current();
        apply(p, name, comment, me);
        return view(p, me);
    }

    /** Checks and makes a transition: the one path every stage change takes. */
    Transition apply(Project p, String name, String comment, Participant me) {
        Alliance alliance = alliances.alliance(p.getAllianceId());
        Set<Party> parties = me.partiesIn(alliance.getOrganizationId());
        if (comment != null && comment.strip().length() > 2000) {
            throw new InvalidInputException(Map.of("comment", "development.error.comment-length"));
        }
        Stage from = p.stage();
        Transition t = StageTransitions.check(name, from, parties, state.of(p), comment);
        for (StagePrerequisite prerequisite : prerequisites.orderedStream().toList()) {
            var unmet = prerequisite.unmet(p.getId(), alliance.getId(), t);
            if (unmet.isPresent()) {
                throw TransitionRefused.unmet(t, unmet.get());
            }
        }
        Instant now = clock.instant();
        p.moveTo(t.to(), now);
        if (t.to() == Stage.COMMENT_PERIOD) {
            int days = alliances
                    .settingsOf(alliance.getId(), java.time.LocalDate.now(clock))
                    .commentDays();
            p.openCommentPeriod(now, now.plus(Duration.ofDays(days)));
        }
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        timeline.save(new ProjectEvent(p.getId(), t.name(), from, t.to(), me.personId(), me.name(), why, now));
        if (t.to() == Stage.TO_BE_REVISED && p.getDesignation() != null && me.isPerson()) {
            openRevision(p, me, why);
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, p.getId(), "stage-changed")
                .withChange("stage", from.code(), t.to().code())
                .withChange("transition", null, t.name())
                .withComment(why));
        events.publishEvent(
                new ProjectStageChanged(p.getId(), alliance.getId(), t.name(), from.code(), t.to().code(), me.name()));
        return t;
    }

    /** Projects in a comment period whose closing time has come. */
    @Transactional(readOnly = true)
    public List<Long> commentPeriodsDue() {
        Instant now = clock.instant();
        return projects.findByStageInOrderByCommentClosesAtAsc(List.of(Stage.COMMENT_PERIOD.code())).stream()
                .filter(p -> p.getCommentClosesAt() != null && !now.isBefore(p.getCommentClosesAt()))
                .map(Project::getId)
                .toList();
    }

    @Transactional(readOnly = true)
    public ProjectView get(long id) {
        return view(project(id), Participant.current());
    }

    /**
     * The project's number, title and stage for another module's link to it (an expert's standards drafted), or empty
     * when there is no such project. Anyone may read it, as they may read the project.
     */
    @Transactional(readOnly = true)
    public Optional<ProjectReference> reference(long id) {
        return projects.findById(id)
                .map(p -> new ProjectReference(
                        p.getId(),
                        alliances.alliance(p.getAllianceId()).prefix(),
                        p.getTitleZh(),
                        p.getTitleEn(),
                        p.getDesignation(),
                        p.stage().code()));
    }

    @Transactional(readOnly = true)
    public List<ProjectView> ofAlliance(long allianceId) {
        alliances.alliance(allianceId);
        Participant me = Participant.current();
        return projects.findByAllianceIdOrderByIdAsc(allianceId).stream()
                .map(p -> view(p, me))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ProjectEventView> timeline(long id) {
        project(id);
        return timeline.findByProjectIdOrderByOccurredAtAscIdAsc(id).stream()
                .map(ProjectEvent::view)
                .toList();
    }

    ProjectView view(Project p, Participant me) {
        Alliance a = alliances.alliance(p.getAllianceId());
        ProjectFacts facts = state.of(p);
        Set<Party> parties = me.partiesIn(a.getOrganizationId());
        return new ProjectView(
                p.getId(),
                a.getId(),
                a.prefix(),
                a.getNameZh(),
                p.getTitleZh(),
                p.getTitleEn(),
                p.getScope(),
                p.getKind(),
                p.getAdoptionDegree(),
                p.getBaseDesignation(),
                p.stage().code(),
                p.getStageSince(),
                p.getDesignation(),
                p.getPublishedOn(),
                p.getCommentOpensAt(),
                p.getCommentClosesAt(),
                p.isDemo() || a.isDemo(),
                StageTransitions.from(p.stage()).stream().map(Transition::name).toList(),
                StageTransitions.possible(p.stage(), parties, facts).stream()
                        .map(Transition::name)
                        .toList(),
                state.deadline(p),
                alliances.settingsOf(a.getId(), java.time.LocalDate.now(clock)),
                parties.contains(Party.SECRETARY),
                parties.contains(Party.MEMBER));
    }

    Project project(long id) {
        return projects.findById(id)
                .orElseThrow(() -> new NotFoundException("development.error.project-not-found", id));
    }
}
