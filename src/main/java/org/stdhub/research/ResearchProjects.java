package org.stdhub.research;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.development.PatentView;
import org.stdhub.development.Patents;
import org.stdhub.development.Projects;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.research.project.ResearchProjectStore;

/**
 * Research projects of the strategy research center. A RESEARCHER or the base office proposes one (the author is in
 * its team); the team edits its own project (topic, plan, outputs, team, milestones, links to the development
 * projects and patents it fed, checked through development's API), the base office any. Transitions follow
 * {@link ResearchTransition}; a published project is read by anyone, an unpublished one by its team and the office.
 */
@Service
@Transactional
public class ResearchProjects {

    static final String AUDIT_TYPE = "research-project";
    static final int LIST_LIMIT = 500;
    static final int MAX_PARTS = 50;

    private final ResearchProjectStore store;
    private final Recipients recipients;
    private final Projects developmentProjects;
    private final Patents patents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResearchProjects(
            ResearchProjectStore store,
            Recipients recipients,
            Projects developmentProjects,
            Patents patents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.developmentProjects = developmentProjects;
        this.patents = patents;
        this.events = events;
        this.clock = clock;
    }

    /** A RESEARCHER or the base office proposes a project; the author joins its team. */
    @PreAuthorize("isAuthenticated()")
    public ResearchProjectView propose(ResearchProjectForm form) {
        Researcher caller = Researcher.current();
        long author = caller.author();
        Checked c = check(form, author);
        long id = store.insert(c.topic, c.plan, c.outputs, author, clock.instant());
        store.replaceParts(id, c.team, c.milestones, c.developmentProjects, c.patents);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created")
                .withChange("topic", null, c.topic)
                .withChange("state", null, ResearchProjectState.PROPOSED));
        return get(id);
    }

    /** The team (or the base office) edits the project; the whole form replaces what it held. */
    @PreAuthorize("isAuthenticated()")
    public ResearchProjectView edit(long id, ResearchProjectForm form) {
        ResearchProjectView before = get(id);
        Researcher caller = Researcher.current();
        if (!mayEdit(caller, before)) {
            throw new NotPermittedException("research.error.not-team");
        }
        Checked c = check(form, null);
        if (c.team.isEmpty()) {
            throw new InvalidInputException(Map.of("team", "research.error.team-empty"));
        }
        store.update(id, c.topic, c.plan, c.outputs);
        store.replaceParts(id, c.team, c.milestones, c.developmentProjects, c.patents);
        StateChanged edited = StateChanged.of(AUDIT_TYPE, id, "edited");
        if (!before.topic().equals(c.topic)) {
            edited = edited.withChange("topic", before.topic(), c.topic);
        }
        edited = edited.withChange(
                "team",
                String.join(
                        ", ",
                        before.team().stream()
                                .map(ResearchProjectView.TeamMember::name)
                                .toList()),
                String.join(
                        ", ",
                        c.team.stream()
                                .map(ResearchProjectView.TeamMember::name)
                                .toList()));
        events.publishEvent(edited);
        return get(id);
    }

    /** Takes a transition ({@code start}: base office; {@code conclude}: the team or the office). */
    @PreAuthorize("isAuthenticated()")
    public ResearchProjectView transition(long id, String action, String comment) {
        ResearchTransition t = ResearchTransition.of(action == null ? "" : action.strip());
        if (t == null) {
            throw new InvalidInputException(Map.of("action", "research.error.transition-unknown"));
        }
        ResearchProjectView p = get(id);
        Researcher caller = Researcher.current();
        caller.person();
        if (t.officeOnly() ? !caller.office() : !mayEdit(caller, p)) {
            throw new NotPermittedException("research.error.not-permitted");
        }
        if (!t.leavesFrom(p.state()) || !store.move(id, p.state(), t.to())) {
            throw new ConflictException(
                    "research.error.transition", t.action(), p.state().name());
        }
        StateChanged changed = StateChanged.of(AUDIT_TYPE, id, t == ResearchTransition.START ? "started" : "concluded")
                .withChange("state", p.state(), t.to());
        events.publishEvent(
                comment == null || comment.isBlank() ? changed : changed.withComment(clip(comment.strip(), 1000)));
        return get(id);
    }

    /** The team (or the base office) publishes the project: anyone may read it from then on. */
    @PreAuthorize("isAuthenticated()")
    public ResearchProjectView publish(long id) {
        ResearchProjectView p = get(id);
        if (!mayEdit(Researcher.current(), p)) {
            throw new NotPermittedException("research.error.not-team");
        }
        if (p.published()) {
            throw new ConflictException("research.error.already-published");
        }
        store.publish(id);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "published").withChange("published", false, true));
        return get(id);
    }

    /** One project, if the caller may see it (published, its team, the base office). */
    @Transactional(readOnly = true)
    public ResearchProjectView get(long id) {
        ResearchProjectView p =
                store.find(id).orElseThrow(() -> new NotFoundException("research.error.project-not-found", id));
        Researcher caller = Researcher.current();
        if (!maySee(caller, p)) {
            throw new NotFoundException("research.error.project-not-found", id);
        }
        return p.withEditable(mayEdit(caller, p));
    }

    /** The projects the caller sees, newest first. */
    @Transactional(readOnly = true)
    public List<ResearchProjectView> visible() {
        Researcher caller = Researcher.current();
        return store.list(caller.office(), caller.personId(), LIST_LIMIT).stream()
                .map(p -> p.withEditable(mayEdit(caller, p)))
                .toList();
    }

    /** Whether the caller is of the base office (a BASE_OFFICER or an administrator). */
    @Transactional(readOnly = true)
    public boolean office() {
        return Researcher.current().office();
    }

    /** The latest published projects, for the public site. */
    @Transactional(readOnly = true)
    public List<ResearchProjectView> latestPublished(int n) {
        return store.list(false, null, n);
    }

    static boolean maySee(Researcher caller, ResearchProjectView p) {
        return p.published() || caller.office() || p.hasMember(caller.personId());
    }

    static boolean mayEdit(Researcher caller, ResearchProjectView p) {
        return caller.office() || (caller.researcher() && p.hasMember(caller.personId()));
    }

    private record Checked(
            String topic,
            String plan,
            String outputs,
            List<ResearchProjectView.TeamMember> team,
            List<ResearchProjectView.Milestone> milestones,
            List<Long> developmentProjects,
            List<Long> patents) {}

    private Checked check(ResearchProjectForm form, Long author) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (form == null) {
            throw new InvalidInputException(Map.of("topic", "research.error.required"));
        }
        String topic = text(form.topic(), 300, true, "topic", errors);
        String plan = text(form.plan(), 8000, false, "plan", errors);
        String outputs = text(form.outputs(), 8000, false, "outputs", errors);
        Set<Long> teamIds = new LinkedHashSet<>();
        if (author != null) {
            teamIds.add(author);
        }
        if (form.team() != null) {
            form.team().stream().filter(java.util.Objects::nonNull).forEach(teamIds::add);
        }
        errors.check(teamIds.size() <= MAX_PARTS, "team", "research.error.too-many");
        List<ResearchProjectView.Milestone> milestones = new ArrayList<>();
        if (form.milestones() != null) {
            errors.check(form.milestones().size() <= MAX_PARTS, "milestones", "research.error.too-many");
            for (var m : form.milestones()) {
                if (m == null) {
                    continue;
                }
                String title = text(m.title(), 300, true, "milestones", errors);
                MilestoneStatus status = null;
                try {
                    status = MilestoneStatus.valueOf(
                            m.status() == null || m.status().isBlank()
                                    ? "PLANNED"
                                    : m.status().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add("milestones", "research.error.milestone-status");
                }
                if (m.dueOn() == null) {
                    errors.add("milestones", "research.error.milestone-date");
                }
                if (title != null && status != null && m.dueOn() != null) {
                    milestones.add(new ResearchProjectView.Milestone(title, m.dueOn(), status));
                }
            }
        }
        List<Long> projects = ids(form.developmentProjectIds());
        List<Long> patentIds = ids(form.patentIds());
        errors.check(projects.size() <= MAX_PARTS && patentIds.size() <= MAX_PARTS, "links", "research.error.too-many");
        errors.throwIfAny();
        Map<Long, ResearchProjectView.TeamMember> team = new LinkedHashMap<>();
        for (Long person : teamIds) {
            Contact contact = recipients.ofPerson(person).stream()
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(Map.of("team", "research.error.person")));
            team.put(person, new ResearchProjectView.TeamMember(person, contact.displayName()));
        }
        Set<Long> knownPatents = new LinkedHashSet<>();
        for (Long p : projects) {
            try {
                developmentProjects.get(p);
                patents.of(p).stream().map(PatentView::id).forEach(knownPatents::add);
            } catch (NotFoundException e) {
                throw new InvalidInputException(Map.of("developmentProjectIds", "research.error.development-project"));
            }
        }
        for (Long p : patentIds) {
            if (!knownPatents.contains(p)) {
                throw new InvalidInputException(Map.of("patentIds", "research.error.patent"));
            }
        }
        return new Checked(
                topic, plan, outputs, List.copyOf(team.values()), List.copyOf(milestones), projects, patentIds);
    }

    private static List<Long> ids(List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(
                ids.stream().filter(java.util.Objects::nonNull).toList()));
    }

    static String text(String raw, int max, boolean required, String field, InvalidInputException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(field, "research.error.required");
            }
            return null;
        }
        String text = raw.strip();
        if (text.length() > max) {
            errors.add(field, "research.error.too-long");
            return null;
        }
        if (ControlCharacters.present(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
            errors.add(field, "research.error.control-characters");
            return null;
        }
        return text;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
