package org.stdhub.talent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.expert.CommitteeMembership;
import org.stdhub.talent.expert.DraftedStandard;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRepository;

/**
 * An expert's track record on their profile: the committees they sit (or sat) on and the standards they drafted.
 * The expert or the base office adds, corrects and removes entries; each change is audited on the expert ({@link
 * StateChanged} of type {@value Experts#AUDIT_TYPE}). These entries are not qualification fields (the qualification
 * is the fields, title or equivalent level and years in the field, {@link Qualification}), so changing them does
 * not send an approved expert back to review.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ExpertTrackRecord {

    private final Experts experts;
    private final ExpertRepository repository;
    private final ApplicationEventPublisher events;
    private final ProjectLinks projects;

    ExpertTrackRecord(
            Experts experts, ExpertRepository repository, ApplicationEventPublisher events, ProjectLinks projects) {
        this.experts = experts;
        this.repository = repository;
        this.events = events;
        this.projects = projects;
    }

    /** Records a committee membership (the expert, or the base office). */
    public ExpertView addCommittee(long id, ExpertForms.CommitteeForm f) {
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        Committee c = committee(f);
        var added = e.addCommittee(c.name(), c.role(), f.startedOn(), f.endedOn());
        repository.flush();
        events.publishEvent(StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "committee-added")
                .withChange("committee", null, c.name())
                .withChange("committeeRole", null, c.role())
                .withChange("startedOn", null, f.startedOn())
                .withChange("endedOn", null, f.endedOn())
                .withChange("committeeId", null, added.getId()));
        return experts.view(e, viewer);
    }

    /** Corrects a committee membership (the expert, or the base office). */
    public ExpertView changeCommittee(long id, long committeeId, ExpertForms.CommitteeForm f) {
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        CommitteeMembership m =
                e.committee(committeeId).orElseThrow(() -> new NotFoundException("talent.error.no-committee"));
        Committee c = committee(f);
        StateChanged change = StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "committee-changed")
                .withChange("committeeId", null, committeeId);
        change = diff(change, "committee", m.getCommitteeName(), c.name());
        change = diff(change, "committeeRole", m.getCommitteeRole(), c.role());
        change = diff(change, "startedOn", m.getStartedOn(), f.startedOn());
        change = diff(change, "endedOn", m.getEndedOn(), f.endedOn());
        m.change(c.name(), c.role(), f.startedOn(), f.endedOn());
        repository.flush();
        events.publishEvent(change);
        return experts.view(e, viewer);
    }

    /** Removes a committee membership (the expert, or the base office). */
    public ExpertView removeCommittee(long id, long committeeId) {
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        CommitteeMembership m =
                e.committee(committeeId).orElseThrow(() -> new NotFoundException("talent.error.no-committee"));
        String name = m.getCommitteeName();
        String role = m.getCommitteeRole();
        e.removeCommittee(committeeId);
        repository.flush();
        events.publishEvent(StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "committee-removed")
                .withChange("committeeId", committeeId, null)
                .withChange("committee", name, null)
                .withChange("committeeRole", role, null));
        return experts.view(e, viewer);
    }

    /**
     * Records a standard the expert drafted (the expert, or the base office). The designation is checked against the
     * pattern of Chinese and international designations ({@link ProfileRules#DESIGNATION}); the talent module does
     * not read the catalog. The development project it was drafted in, if named, must exist (read through the
     * development module's API); with a project the designation may stay empty until the standard is published.
     */
    public ExpertView addDraftedStandard(long id, ExpertForms.DraftedStandardForm f) {
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        Drafted d = drafted(f);
        refuseDuplicate(e, d, null);
        var added = e.addDraftedStandard(d.designation(), d.title(), d.role(), d.projectId());
        repository.flush();
        StateChanged change = StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "drafted-standard-added")
                .withChange("designation", null, d.designation())
                .withChange("standardTitle", null, d.title())
                .withChange("draftingRole", null, d.role())
                .withChange("draftedStandardId", null, added.getId());
        events.publishEvent(
                d.projectId() == null ? change : change.withChange("developmentProject", null, d.projectId()));
        return experts.view(e, viewer);
    }

    /** Corrects a standard drafted (the expert, or the base office); the designation stays unique on the profile. */
    public ExpertView changeDraftedStandard(long id, long draftedStandardId, ExpertForms.DraftedStandardForm f) {
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        DraftedStandard s = e.draftedStandard(draftedStandardId)
                .orElseThrow(() -> new NotFoundException("talent.error.no-drafted-standard"));
        Drafted d = drafted(f);
        refuseDuplicate(e, d, draftedStandardId);
        StateChanged change = StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "drafted-standard-changed")
                .withChange("draftedStandardId", null, draftedStandardId);
        change = diff(change, "designation", s.getDesignation(), d.designation());
        change = diff(change, "standardTitle", s.getStandardTitle(), d.title());
        change = diff(change, "draftingRole", s.getDraftingRole(), d.role());
        change = diff(change, "developmentProject", s.getProjectId(), d.projectId());
        s.change(d.designation(), d.title(), d.role(), d.projectId());
        repository.flush();
        events.publishEvent(change);
        return experts.view(e, viewer);
    }

    /** Removes a standard drafted (the expert, or the base office). */
    public ExpertView removeDraftedStandard(long id, long draftedStandardId) {
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        DraftedStandard s = e.draftedStandard(draftedStandardId)
                .orElseThrow(() -> new NotFoundException("talent.error.no-drafted-standard"));
        String designation = s.getDesignation();
        Long projectId = s.getProjectId();
        e.removeDraftedStandard(draftedStandardId);
        repository.flush();
        StateChanged change = StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "drafted-standard-removed")
                .withChange("draftedStandardId", draftedStandardId, null)
                .withChange("designation", designation, null);
        events.publishEvent(projectId == null ? change : change.withChange("developmentProject", projectId, null));
        return experts.view(e, viewer);
    }

    private record Committee(String name, String role) {}

    private record Drafted(String designation, String title, String role, Long projectId) {}

    /** The designation and the project each appear once on the profile ({@code except}: the entry being changed). */
    private static void refuseDuplicate(Expert e, Drafted d, Long except) {
        for (DraftedStandard x : e.getDraftedStandards()) {
            if (x.getId().equals(except)) {
                continue;
            }
            if (d.designation() != null && d.designation().equals(x.getDesignation())) {
                throw new ConflictException("talent.error.drafted-already");
            }
            if (d.projectId() != null && d.projectId().equals(x.getProjectId())) {
                throw new ConflictException("talent.error.drafted-project-already");
            }
        }
    }

    private static Committee committee(ExpertForms.CommitteeForm f) {
        var errors = new InvalidInputException.Collector();
        String name = ProfileRules.text(f == null ? null : f.committeeName());
        String role = ProfileRules.text(f == null ? null : f.committeeRole());
        errors.check(name != null && name.length() <= 200, "committeeName", "talent.error.committee-name");
        errors.check(role != null && role.length() <= 100, "committeeRole", "talent.error.committee-role");
        errors.check(
                f == null
                        || f.startedOn() == null
                        || f.endedOn() == null
                        || !f.endedOn().isBefore(f.startedOn()),
                "endedOn",
                "talent.error.dates");
        errors.throwIfAny();
        return new Committee(name, role);
    }

    private Drafted drafted(ExpertForms.DraftedStandardForm f) {
        var errors = new InvalidInputException.Collector();
        String raw = ProfileRules.text(f == null ? null : f.designation());
        Long projectId = f == null ? null : f.projectId();
        String designation = ProfileRules.designation(raw);
        if (raw == null) {
            errors.check(projectId != null, "designation", "talent.error.designation-or-project");
        } else {
            errors.check(designation != null, "designation", "talent.error.designation");
        }
        String title = ProfileRules.text(f == null ? null : f.standardTitle());
        String role = ProfileRules.text(f == null ? null : f.draftingRole());
        errors.check(title == null || title.length() <= 300, "standardTitle", "talent.error.too-long");
        errors.check(role == null || role.length() <= 100, "draftingRole", "talent.error.too-long");
        errors.check(
                projectId == null || (projectId > 0 && projects.find(projectId).isPresent()),
                "projectId",
                "talent.error.no-project");
        errors.throwIfAny();
        return new Drafted(designation, title, role, projectId);
    }

    private static StateChanged diff(StateChanged change, String field, Object before, Object after) {
        return java.util.Objects.equals(before, after) ? change : change.withChange(field, before, after);
    }
}
