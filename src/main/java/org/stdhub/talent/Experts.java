package org.stdhub.talent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.draw.DrawPosition;
import org.stdhub.talent.draw.ExpertDrawRepository;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRepository;
import org.stdhub.talent.expert.ExpertSearch;

/**
 * The expert database: a person applies (or the base office enters them), keeps their profile, employers and
 * relations current, and the base office reviews, approves, rejects, suspends, reactivates and retires through the
 * transitions of {@link ExpertTransition}. The base office searches all experts; a person sees their own entry, with
 * their record of reviews.
 * Every change is audited ({@link StateChanged} of type {@value #AUDIT_TYPE}).
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class Experts {

    static final String AUDIT_TYPE = "expert";

    private final ExpertRepository experts;
    private final Organizations organizations;
    private final Recipients people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Qualification qualification;
    private final ExpertDrawRepository draws;
    private final ProjectLinks projects;

    Experts(
            ExpertRepository experts,
            ExpertDrawRepository draws,
            ProjectLinks projects,
            Organizations organizations,
            Recipients people,
            ApplicationEventPublisher events,
            Clock clock,
            TalentProperties properties) {
        this.experts = experts;
        this.draws = draws;
        this.projects = projects;
        this.organizations = organizations;
        this.people = people;
        this.events = events;
        this.clock = clock;
        this.qualification = new Qualification(properties.minYearsInField());
    }

    /** The signed-in person applies to the expert database. */
    public ExpertView apply(ExpertForms.ProfileForm form) {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            throw new NotPermittedException("talent.error.person-only");
        }
        return create(viewer.personId(), viewer.displayName(), form);
    }

    /** The base office enters a person into the expert database (as an applicant, reviewed like any other). */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public ExpertView enter(long personId, ExpertForms.ProfileForm form) {
        Contact person = people.ofPerson(personId).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(java.util.Map.of("personId", "talent.error.no-person")));
        return create(personId, person.displayName(), form);
    }

    private ExpertView create(long personId, String name, ExpertForms.ProfileForm form) {
        Expert.Profile profile = ProfileRules.check(form);
        if (experts.existsByPersonId(personId)) {
            throw new ConflictException("talent.error.already-expert");
        }
        Expert e = experts.saveAndFlush(new Expert(personId, name, profile, clock.instant()));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getId(), "applied")
                .withChange("person", null, personId)
                .withChange("status", null, e.getStatus())
                .withChange("fields", null, (profile.icsCodes() + " " + profile.ccsCodes()).strip())
                .withChange("title", null, profile.title())
                .withChange("yearsInField", null, profile.yearsInField()));
        return view(e, Viewer.current());
    }

    /** The signed-in person's own entry, if they have one. */
    @Transactional(readOnly = true)
    public java.util.Optional<ExpertView> mine() {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            return java.util.Optional.empty();
        }
        return experts.findByPersonId(viewer.personId()).map(e -> view(e, viewer));
    }

    /** One expert: for the base office and the expert themself. */
    @Transactional(readOnly = true)
    public ExpertView get(long id) {
        Viewer viewer = Viewer.current();
        return view(visible(id, viewer), viewer);
    }

    /** The most rows an export writes (the base office narrows the filter for more). */
    public static final int EXPORT_LIMIT = 10_000;

    /** The largest page of the search. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * The base office's search: every filter given must hold, newest entries last; one page of {@code size} (at most
     * {@value #MAX_PAGE_SIZE}). The list leaves out the record of reviews (the single expert shows it).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    @Transactional(readOnly = true)
    public ExpertPage search(ExpertForms.Filter filter, int page, int size) {
        var errors = new InvalidInputException.Collector();
        errors.check(page >= 0, "page", "talent.error.page");
        errors.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "talent.error.page-size");
        Specification<Expert> where = where(filter, errors);
        Viewer viewer = Viewer.current();
        var found = experts.findAll(where, PageRequest.of(page, size, Sort.by("id")));
        var links = projects.lookup();
        return new ExpertPage(
                found.getContent().stream()
                        .map(e -> ExpertView.of(e, List.of(), transitions(e, viewer), links))
                        .toList(),
                found.getTotalElements(),
                page,
                size);
    }

    /** Every expert the filter finds (up to {@value #EXPORT_LIMIT}), for the export. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    @Transactional(readOnly = true)
    public List<ExpertView> search(ExpertForms.Filter filter) {
        Specification<Expert> where = where(filter, new InvalidInputException.Collector());
        Viewer viewer = Viewer.current();
        var links = projects.lookup();
        return experts.findAll(where, PageRequest.of(0, EXPORT_LIMIT, Sort.by("id"))).stream()
                .map(e -> ExpertView.of(e, List.of(), transitions(e, viewer), links))
                .toList();
    }

    /** The filter checked (400 with every refused part) and turned into the query. */
    private static Specification<Expert> where(ExpertForms.Filter filter, InvalidInputException.Collector errors) {
        ExpertForms.Filter f = filter == null ? ExpertForms.Filter.none() : filter;
        String field = ProfileRules.text(f.field());
        field = field == null ? null : field.toUpperCase(Locale.ROOT);
        errors.check(
                field == null || ProfileRules.FIELD_PREFIX.matcher(field).matches(),
                "field",
                "talent.error.filter-field");
        errors.check(
                f.minYears() == null || (f.minYears() >= 0 && f.minYears() <= 80), "minYears", "talent.error.years");
        errors.check(
                f.availableTo() == null || f.availableFrom() != null,
                "availableFrom",
                "talent.error.filter-available-from");
        errors.check(
                f.availableTo() == null
                        || f.availableFrom() == null
                        || !f.availableTo().isBefore(f.availableFrom()),
                "availableTo",
                "talent.error.dates");
        errors.throwIfAny();
        return ExpertSearch.of(
                lower(f.text()),
                field,
                lower(f.keyword()),
                f.title(),
                f.minYears(),
                lower(f.region()),
                f.availableFrom(),
                f.availableTo(),
                f.status());
    }

    /**
     * The expert changes their profile. A change of a qualification field (fields, title, equivalent level, years)
     * sends an approved (or rejected) profile back to review; a suspended expert stays suspended, with the approval
     * cleared, so that the base office reactivates them only through review ({@link ExpertTransition}).
     */
    public ExpertView change(long id, ExpertForms.ProfileForm form) {
        Viewer viewer = Viewer.current();
        Expert e = own(id, viewer);
        if (e.getStatus() == ExpertStatus.RETIRED) {
            throw new ConflictException("talent.error.retired");
        }
        Expert.Profile before = e.profile();
        Instant approvedBefore = e.getApprovedAt();
        Expert.Profile after = ProfileRules.check(form);
        boolean qualificationChanged = e.apply(after);
        StateChanged change = StateChanged.of(AUDIT_TYPE, e.getId(), "profile-changed");
        change = diff(change, "icsCodes", before.icsCodes(), after.icsCodes());
        change = diff(change, "ccsCodes", before.ccsCodes(), after.ccsCodes());
        change = diff(change, "keywords", before.keywords(), after.keywords());
        change = diff(change, "title", before.title(), after.title());
        change = diff(change, "equivalentLevel", before.equivalentLevel(), after.equivalentLevel());
        change = diff(change, "yearsInField", before.yearsInField(), after.yearsInField());
        change = diff(change, "region", before.region(), after.region());
        change = diff(change, "approvedAt", approvedBefore, e.getApprovedAt());
        events.publishEvent(change);
        if (qualificationChanged && ExpertTransition.REQUALIFY.leaves(e.getStatus())) {
            move(e, ExpertTransition.REQUALIFY, null);
        }
        return view(e, viewer);
    }

    /** Adds an employer (the expert, or the base office). */
    public ExpertView addEmployment(long id, ExpertForms.EmploymentForm f) {
        Viewer viewer = Viewer.current();
        Expert e = ownOrOffice(id, viewer);
        String name = employerName(f);
        var m = e.addEmployment(f.organizationId(), name, f.startedOn(), f.endedOn());
        experts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getId(), "employment-added")
                .withChange("employer", null, name)
                .withChange("organization", null, f.organizationId())
                .withChange("startedOn", null, f.startedOn())
                .withChange("endedOn", null, f.endedOn())
                .withChange("employmentId", null, m.getId()));
        return view(e, viewer);
    }

    /**
     * Corrects an employment, or ends it (its last day given): the expert, or the base office. The avoidance rules
     * read the employments as they are, so a former employer stays known with its dates.
     */
    public ExpertView changeEmployment(long id, long employmentId, ExpertForms.EmploymentForm f) {
        Viewer viewer = Viewer.current();
        Expert e = ownOrOffice(id, viewer);
        var m = e.employment(employmentId).orElseThrow(() -> new NotFoundException("talent.error.no-employment"));
        String name = employerName(f);
        StateChanged change = StateChanged.of(AUDIT_TYPE, e.getId(), "employment-changed")
                .withChange("employmentId", null, employmentId);
        change = diff(change, "employer", m.getEmployerName(), name);
        change = diff(change, "organization", m.getOrganizationId(), f.organizationId());
        change = diff(change, "startedOn", m.getStartedOn(), f.startedOn());
        change = diff(change, "endedOn", m.getEndedOn(), f.endedOn());
        m.change(f.organizationId(), name, f.startedOn(), f.endedOn());
        experts.flush();
        events.publishEvent(change);
        return view(e, viewer);
    }

    /** Removes an employment entered by mistake (the expert, or the base office); a former one is ended instead. */
    public ExpertView removeEmployment(long id, long employmentId) {
        Viewer viewer = Viewer.current();
        Expert e = ownOrOffice(id, viewer);
        var m = e.employment(employmentId).orElseThrow(() -> new NotFoundException("talent.error.no-employment"));
        String name = m.getEmployerName();
        e.removeEmployment(employmentId);
        experts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getId(), "employment-removed")
                .withChange("employmentId", employmentId, null)
                .withChange("employer", name, null));
        return view(e, viewer);
    }

    /** The employer's name checked with the dates (400) and the organization (404 when unknown). */
    private String employerName(ExpertForms.EmploymentForm f) {
        var errors = new InvalidInputException.Collector();
        String name =
                f == null || f.employerName() == null ? "" : f.employerName().strip();
        errors.check(!name.isEmpty() && name.length() <= 200, "employerName", "talent.error.employer-name");
        errors.check(
                f == null
                        || f.startedOn() == null
                        || f.endedOn() == null
                        || !f.endedOn().isBefore(f.startedOn()),
                "endedOn",
                "talent.error.dates");
        errors.throwIfAny();
        if (f.organizationId() != null) {
            organizations.find(f.organizationId()); // 404 when there is no such organization
        }
        return name;
    }

    /**
     * Declares a relation (the expert) or records a penalty (the base office only). A relation names an
     * organization, a person, or both (a relative who heads an organization).
     */
    public ExpertView addRelation(long id, ExpertForms.RelationForm f) {
        Viewer viewer = Viewer.current();
        Expert e = ownOrOffice(id, viewer);
        String description = relationDescription(f, viewer);
        var r = e.addRelation(
                f.kind(), f.organizationId(), f.relatedPersonId(), description, f.startedOn(), f.endedOn());
        experts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getId(), "relation-added")
                .withChange("kind", null, f.kind())
                .withChange("organization", null, f.organizationId())
                .withChange("relatedPerson", null, f.relatedPersonId())
                .withChange("startedOn", null, f.startedOn())
                .withChange("endedOn", null, f.endedOn())
                .withChange("relationId", null, r.getId()));
        return view(e, viewer);
    }

    /**
     * Corrects a relation, or ends it (its last day given): the expert, or the base office; a penalty only the base
     * office. The avoidance rules read relations with their dates, so an ended one still counts within its window.
     */
    public ExpertView changeRelation(long id, long relationId, ExpertForms.RelationForm f) {
        Viewer viewer = Viewer.current();
        Expert e = ownOrOffice(id, viewer);
        var r = e.relation(relationId).orElseThrow(() -> new NotFoundException("talent.error.no-relation"));
        if (r.getKind() == RelationKind.PENALTY && !viewer.office()) {
            throw new NotPermittedException("talent.error.penalty-office-only");
        }
        String description = relationDescription(f, viewer);
        StateChanged change =
                StateChanged.of(AUDIT_TYPE, e.getId(), "relation-changed").withChange("relationId", null, relationId);
        change = diff(change, "kind", r.getKind(), f.kind());
        change = diff(change, "organization", r.getOrganizationId(), f.organizationId());
        change = diff(change, "relatedPerson", r.getRelatedPersonId(), f.relatedPersonId());
        change = diff(change, "description", r.getDescription(), description);
        change = diff(change, "startedOn", r.getStartedOn(), f.startedOn());
        change = diff(change, "endedOn", r.getEndedOn(), f.endedOn());
        r.change(f.kind(), f.organizationId(), f.relatedPersonId(), description, f.startedOn(), f.endedOn());
        experts.flush();
        events.publishEvent(change);
        return view(e, viewer);
    }

    /** Removes a relation declared by mistake (the expert, or the base office); a penalty only the base office. */
    public ExpertView removeRelation(long id, long relationId) {
        Viewer viewer = Viewer.current();
        Expert e = ownOrOffice(id, viewer);
        var r = e.relation(relationId).orElseThrow(() -> new NotFoundException("talent.error.no-relation"));
        if (r.getKind() == RelationKind.PENALTY && !viewer.office()) {
            throw new NotPermittedException("talent.error.penalty-office-only");
        }
        RelationKind kind = r.getKind();
        String description = r.getDescription();
        e.removeRelation(relationId);
        experts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getId(), "relation-removed")
                .withChange("relationId", relationId, null)
                .withChange("kind", kind, null)
                .withChange("description", description, null));
        return view(e, viewer);
    }

    /** The relation checked (400 by field; a penalty 403 unless the base office; unknown parties 404/400). */
    private String relationDescription(ExpertForms.RelationForm f, Viewer viewer) {
        var errors = new InvalidInputException.Collector();
        errors.check(f != null && f.kind() != null, "kind", "talent.error.relation-kind");
        if (f == null) {
            errors.throwIfAny();
        }
        String description = f.description() == null ? "" : f.description().strip();
        errors.check(!description.isEmpty() && description.length() <= 500, "description", "talent.error.description");
        errors.check(
                f.kind() == RelationKind.PENALTY || f.organizationId() != null || f.relatedPersonId() != null,
                "organizationId",
                "talent.error.relation-party");
        errors.check(
                f.startedOn() == null || f.endedOn() == null || !f.endedOn().isBefore(f.startedOn()),
                "endedOn",
                "talent.error.dates");
        errors.throwIfAny();
        if (f.kind() == RelationKind.PENALTY && !viewer.office()) {
            throw new NotPermittedException("talent.error.penalty-office-only");
        }
        if (f.organizationId() != null) {
            organizations.find(f.organizationId());
        }
        if (f.relatedPersonId() != null && people.ofPerson(f.relatedPersonId()).isEmpty()) {
            throw new InvalidInputException(java.util.Map.of("relatedPersonId", "talent.error.no-person"));
        }
        return description;
    }

    /** Takes one transition of the table, if the viewer may and its guards hold. */
    public ExpertView transition(long id, ExpertTransition t, String reason) {
        Viewer viewer = Viewer.current();
        Expert e = visible(id, viewer);
        if (!t.actor().allows(viewer.office(), viewer.is(e.getPersonId()))) {
            throw new NotPermittedException("talent.error.transition-not-yours");
        }
        if (!t.leaves(e.getStatus())) {
            throw new ConflictException("talent.error.transition-not-now");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (t.reasonRequired() && why == null) {
            throw new InvalidInputException(java.util.Map.of("reason", "talent.error.reason-required"));
        }
        if (why != null && why.length() > 1000) {
            throw new InvalidInputException(java.util.Map.of("reason", "talent.error.too-long"));
        }
        if (!holds(t.guard(), e)) {
            throw new ConflictException(t.guard().refusal(), qualification.minYears());
        }
        move(e, t, why);
        return view(e, viewer);
    }

    /** Does the guard of a transition hold for {@code e}? */
    private boolean holds(ExpertTransition.Guard guard, Expert e) {
        return switch (guard) {
            case NONE -> true;
            case QUALIFIED -> qualification.met(e.getTitle(), e.isEquivalentLevel(), e.getYearsInField());
            case QUALIFICATION_APPROVED -> e.qualificationApproved();
            case QUALIFICATION_CHANGED -> !e.qualificationApproved();
        };
    }

    private void move(Expert e, ExpertTransition t, String reason) {
        Instant now = clock.instant();
        ExpertStatus before = e.take(t, reason, now);
        experts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getId(), t.action())
                .withChange("status", before, e.getStatus())
                .withComment(reason));
        events.publishEvent(new ExpertStatusChanged(e.getId(), e.getPersonId(), t, before, e.getStatus()));
    }

    private Expert visible(long id, Viewer viewer) {
        Expert e = experts.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-expert"));
        if (!viewer.office() && !viewer.is(e.getPersonId())) {
            // the same answer as for an expert that does not exist
            throw new NotFoundException("talent.error.no-expert");
        }
        return e;
    }

    private Expert own(long id, Viewer viewer) {
        Expert e = visible(id, viewer);
        if (!viewer.is(e.getPersonId())) {
            throw new NotPermittedException("talent.error.own-profile-only");
        }
        return e;
    }

    /** The expert whose records {@code viewer} (the expert or the base office) changes; 409 once retired. */
    Expert ownOrOffice(long id, Viewer viewer) {
        Expert e = visible(id, viewer);
        if (e.getStatus() == ExpertStatus.RETIRED) {
            throw new ConflictException("talent.error.retired");
        }
        return e;
    }

    ExpertView view(Expert e, Viewer viewer) {
        return ExpertView.of(e, reviews(e, viewer), transitions(e, viewer), projects.lookup());
    }

    /** The steps offered to the viewer: the table's rows they may take now (REQUALIFY is taken by a change). */
    private List<ExpertTransition> transitions(Expert e, Viewer viewer) {
        List<ExpertTransition> allowed = new ArrayList<>();
        for (ExpertTransition t : ExpertTransition.values()) {
            if (t != ExpertTransition.REQUALIFY
                    && t.leaves(e.getStatus())
                    && t.actor().allows(viewer.office(), viewer.is(e.getPersonId()))
                    && (t.guard().offeredWhenRefused() || holds(t.guard(), e))) {
                allowed.add(t);
            }
        }
        return allowed;
    }

    /**
     * The record of reviews (served, declined, replaced, with the responsible officer's rating), for the base office
     * and the expert themself only: every draw the expert was drawn in whose result is public (decided), or still
     * sealed but the viewer is its responsible officer. An expert never sees a sealed draw here.
     */
    private List<ExpertView.ReviewView> reviews(Expert e, Viewer viewer) {
        if (!(viewer.office() || viewer.is(e.getPersonId())) || e.getId() == null) {
            return List.of();
        }
        List<ExpertView.ReviewView> out = new ArrayList<>();
        for (DrawPosition p : draws.positionsOf(e.getId())) {
            var d = p.getDraw();
            boolean responsible = viewer.is(d.getResponsiblePersonId());
            if (d.getState() != DrawState.DECIDED && !responsible) {
                continue;
            }
            out.add(new ExpertView.ReviewView(
                    d.getId(),
                    d.getPurpose(),
                    d.getSubject(),
                    d.getState(),
                    p.getPosition(),
                    p.isMember(),
                    ReviewRecord.of(p.getOutcome()),
                    p.getOutcomeReason(),
                    p.getRating(),
                    p.getRatingNote(),
                    p.getRatedAt(),
                    d.getDecidedAt(),
                    responsible
                            && d.getState() == DrawState.DECIDED
                            && p.getOutcome() != DrawPosition.Outcome.WAITING));
        }
        return out;
    }

    private static StateChanged diff(StateChanged change, String field, Object before, Object after) {
        return java.util.Objects.equals(before, after) ? change : change.withChange(field, before, after);
    }

    /** Lower case and stripped, null when empty or too long to be a search. */
    private static String lower(String text) {
        String t = ProfileRules.text(text);
        if (t == null) {
            return null;
        }
        t = t.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
        return t.isEmpty() ? null : t.length() > 200 ? t.substring(0, 200) : t;
    }
}
