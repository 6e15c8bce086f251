package org.stdhub.talent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stdhub.talent.expert.Employment;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRelation;

/**
 * An expert's profile as the API and pages show it (never the entity). {@code transitions} are those the viewer may
 * take now. {@code approvedAt} is when the qualification as it stands was approved: empty once a qualification field
 * changed, until the next approval. {@code reviews} is the record of reviews, shown to the expert themself and the
 * base office only (empty in the staff search's list).
 */
public record ExpertView(
        long id,
        long personId,
        String name,
        String icsCodes,
        String ccsCodes,
        String keywords,
        Title title,
        boolean equivalentLevel,
        int yearsInField,
        String region,
        List<UnavailablePeriodView> unavailablePeriods,
        ExpertStatus status,
        String statusReason,
        Instant appliedAt,
        Instant approvedAt,
        String currentEmployer,
        List<EmploymentView> employments,
        List<RelationView> relations,
        List<CommitteeView> committees,
        List<DraftedStandardView> draftedStandards,
        List<ReviewView> reviews,
        List<ExpertTransition> transitions) {

    /** A committee membership with the expert's role and dates (current when {@code endedOn} is empty). */
    public record CommitteeView(
            long id, String committeeName, String committeeRole, LocalDate startedOn, LocalDate endedOn) {}

    /**
     * A standard the expert drafted; {@code designation} is empty for a standard still in development, {@code project}
     * is the development project it was drafted in, if named.
     */
    public record DraftedStandardView(
            long id, String designation, String standardTitle, String draftingRole, ProjectLink project) {}

    /**
     * A development project as the expert's profile links to it: its number, title, stage, designation once assigned
     * and the address of its page.
     */
    public record ProjectLink(
            long id,
            String alliancePrefix,
            String titleZh,
            String titleEn,
            String designation,
            String stage,
            String href) {

        static ProjectLink of(org.stdhub.development.ProjectReference r) {
            return new ProjectLink(
                    r.id(), r.alliancePrefix(), r.titleZh(), r.titleEn(), r.designation(), r.stage(), href(r.id()));
        }

        /** A project no longer found: its number only. */
        static ProjectLink unknown(long id) {
            return new ProjectLink(id, null, null, null, null, null, href(id));
        }

        static String href(long id) {
            return "/projects/" + id;
        }
    }

    /** A period in which the expert cannot serve, both days inclusive ({@code unavailableTo} empty: open-ended). */
    public record UnavailablePeriodView(long id, LocalDate unavailableFrom, LocalDate unavailableTo) {

        /** As one text: "2027-03-01–2027-03-31", open-ended "2027-03-01–". */
        public String text() {
            return unavailableFrom + "–" + (unavailableTo == null ? "" : unavailableTo);
        }
    }

    /**
     * One draw the expert was drawn in (for the base office and the expert themself): their place, what became of it
     * and the responsible officer's rating. {@code rateable} when the viewer may rate it now.
     */
    public record ReviewView(
            long drawId,
            DrawPurpose purpose,
            String subject,
            DrawState drawState,
            int position,
            boolean member,
            ReviewRecord record,
            String outcomeReason,
            Integer rating,
            String ratingNote,
            Instant ratedAt,
            Instant decidedAt,
            boolean rateable) {}

    /** One employer with dates. */
    public record EmploymentView(
            long id, Long organizationId, String employerName, LocalDate startedOn, LocalDate endedOn) {}

    /** One declared relation or recorded penalty. */
    public record RelationView(
            long id,
            RelationKind kind,
            Long organizationId,
            Long relatedPersonId,
            String description,
            LocalDate startedOn,
            LocalDate endedOn) {}

    /** The view; {@code projects} gives the link to a development project named by a standard drafted. */
    static ExpertView of(
            Expert e,
            List<ReviewView> reviews,
            List<ExpertTransition> transitions,
            java.util.function.LongFunction<ProjectLink> projects) {
        return new ExpertView(
                e.getId(),
                e.getPersonId(),
                e.getName(),
                e.getIcsCodes(),
                e.getCcsCodes(),
                e.getKeywords(),
                e.getTitle(),
                e.isEquivalentLevel(),
                e.getYearsInField(),
                e.getRegion(),
                e.getUnavailablePeriods().stream()
                        .map(p -> new UnavailablePeriodView(p.getId(), p.getStartsOn(), p.getEndsOn()))
                        .toList(),
                e.getStatus(),
                e.getStatusReason(),
                e.getAppliedAt(),
                e.getApprovedAt(),
                e.currentEmployment().map(Employment::getEmployerName).orElse(null),
                e.getEmployments().stream().map(ExpertView::employment).toList(),
                e.getRelations().stream().map(ExpertView::relation).toList(),
                e.getCommittees().stream()
                        .map(c -> new CommitteeView(
                                c.getId(),
                                c.getCommitteeName(),
                                c.getCommitteeRole(),
                                c.getStartedOn(),
                                c.getEndedOn()))
                        .toList(),
                e.getDraftedStandards().stream()
                        .map(d -> new DraftedStandardView(
                                d.getId(),
                                d.getDesignation(),
                                d.getStandardTitle(),
                                d.getDraftingRole(),
                                d.getProjectId() == null ? null : projects.apply(d.getProjectId())))
                        .toList(),
                reviews,
                transitions);
    }

    private static EmploymentView employment(Employment m) {
        return new EmploymentView(
                m.getId(), m.getOrganizationId(), m.getEmployerName(), m.getStartedOn(), m.getEndedOn());
    }

    private static RelationView relation(ExpertRelation r) {
        return new RelationView(
                r.getId(),
                r.getKind(),
                r.getOrganizationId(),
                r.getRelatedPersonId(),
                r.getDescription(),
                r.getStartedOn(),
                r.getEndedOn());
    }
}
