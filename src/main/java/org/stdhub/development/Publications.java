package org.stdhub.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.GroupStandardPublication;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.StateChanged;

/**
 * Publication of a project's group standard: at 60.00 the secretariat publishes; the designation is assigned (the
 * alliance's next free number and the publication year, "T/XXX n-yyyy"), the standard goes into the catalog through
 * the catalog's {@link GroupStandardPublication} (searchable, linked, watchers alerted by the catalog's import
 * event), and the project moves to 60.60. Three steps, each committed: the designation once assigned is kept, so a
 * publication interrupted after it is finished by publishing again.
 */
@Service
public class Publications {

    private final TransactionTemplate tx;
    private final Projects projects;
    private final Alliances alliances;
    private final ProjectRepository repository;
    private final ProjectState state;
    private final StandardLookup catalog;
    private final GroupStandardPublication publication;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publications(
            TransactionTemplate tx,
            Projects projects,
            Alliances alliances,
            ProjectRepository repository,
            ProjectState state,
            StandardLookup catalog,
            GroupStandardPublication publication,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tx = tx;
        this.projects = projects;
        this.alliances = alliances;
        this.repository = repository;
        this.state = state;
        this.catalog = catalog;
        this.publication = publication;
        this.events = events;
        this.clock = clock;
    }

    /** What publication needs from the project, read in the first step. */
    private record Draft(
            long projectId,
            long allianceId,
            String designation,
            String titleZh,
            String titleEn,
            String replaces,
            String adopted,
            String degree) {}

    @PreAuthorize("isAuthenticated()")
    public ProjectView publish(long projectId, LocalDate publishedOn, LocalDate implementedOn, String comment) {
        Participant me = Participant.current();
        LocalDate published = publishedOn == null ? LocalDate.now(clock) : publishedOn;
        var errors = new InvalidInputException.Collector();
        errors.check(
                implementedOn != null && !implementedOn.isBefore(published),
                "implementedOn",
                "development.error.implemented");
        errors.throwIfAny();
        Draft d = tx.execute(status -> assign(projectId, published, me));
        publication.publish(new GroupStandardPublication.GroupStandard(
                d.designation(),
                d.titleZh(),
                d.titleEn(),
                published,
                implementedOn,
                d.replaces(),
                d.adopted(),
                d.degree(),
                "stdhub:development/project/" + d.projectId()));
        // the group standard this one revises is withdrawn in the catalog, linked to its replacement
        boolean withdrawn =
                d.replaces() != null && publication.withdrawReplaced(d.replaces(), d.designation(), implementedOn);
        return tx.execute(status -> {
            Project p = projects.project(projectId);
            projects.apply(p, "PUBLISH", comment, me);
            var audit = StateChanged.of(Projects.AUDIT_TYPE, projectId, "published")
                    .withChange("designation", null, d.designation())
                    .withChange("implemented", null, implementedOn);
            events.publishEvent(withdrawn ? audit.withChange("withdrawnReplaced", null, d.replaces()) : audit);
            events.publishEvent(
                    new GroupStandardPublished(projectId, d.allianceId(), d.designation(), published, implementedOn));
            return projects.view(p, me);
        });
    }

    private Draft assign(long projectId, LocalDate published, Participant me) {
        Project p = projects.project(projectId);
        Alliance a = alliances.alliance(p.getAllianceId());
        Set<Party> parties = me.partiesIn(a.getOrganizationId());
        ProjectFacts facts = state.of(p);
        ProjectFacts assumingDesignation = new ProjectFacts(
                facts.kind(),
                facts.degree(),
                facts.drafts(),
                facts.openBallot(),
                facts.ballotClosedAtStage(),
                facts.ballotApprovedAtStage(),
                facts.reviewBallotApproved(),
                facts.commentPeriodOver(),
                facts.undisposedComments(),
                true,
                facts.reviewDue());
        // the stage and the party, as for the PUBLISH transition itself (the designation is what this step adds)
        StageTransitions.check("PUBLISH", p.stage(), parties, assumingDesignation, null);
        if (p.getDesignation() == null) {
            String designation = nextDesignation(a, published.getYear());
            p.assignDesignation(designation, published);
            events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, projectId, "designation-assigned")
                    .withChange("designation", null, designation));
        }
        String replaces = p.getKind() == ProjectKind.REVISION
                        && Designation.tryParse(p.getBaseDesignation())
                                .map(x -> x.kind() == StandardKind.GROUP)
                                .orElse(false)
                ? p.getBaseDesignation()
                : null;
        return new Draft(
                projectId,
                a.getId(),
                p.getDesignation(),
                p.getTitleZh(),
                p.getTitleEn(),
                replaces,
                p.getKind() == ProjectKind.ADOPTION ? p.getBaseDesignation() : null,
                p.getAdoptionDegree() == null ? null : p.getAdoptionDegree().name());
    }

    /** The alliance's next number not used by its projects nor by any standard in the catalog under its prefix. */
    String nextDesignation(Alliance a, int year) {
        int highest = 0;
        for (Project p : repository.findByAllianceIdOrderByIdAsc(a.getId())) {
            if (p.getDesignation() != null) {
                String number = Designation.tryParse(p.getDesignation())
                        .map(Designation::number)
                        .orElse("0");
                highest = Math.max(highest, number.matches("\\d{1,9}") ? Integer.parseInt(number) : 0);
            }
        }
        for (int n = highest + 1; n < highest + 10_000; n++) {
            Designation candidate = Designation.parse(a.prefix() + " " + n + "-" + year);
            var taken = catalog.byWorkKeys(List.of(candidate.compactWorkKey()));
            if (taken.getOrDefault(candidate.compactWorkKey(), List.of()).isEmpty()) {
                return candidate.normalized();
            }
        }
        throw new InvalidInputException(Map.of("designation", "development.error.no-number"));
    }
}
