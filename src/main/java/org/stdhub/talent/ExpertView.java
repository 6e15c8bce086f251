package org.stdhub.talent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stdhub.talent.expert.Employment;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRelation;

/**
 * An expert's profile as the API and pages show it (never the entity). {@code transitions} are those the viewer may
 * take now.
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
        LocalDate unavailableFrom,
        LocalDate unavailableTo,
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

    /** A standard the expert drafted. */
    public record DraftedStandardView(long id, String designation, String standardTitle, String draftingRole) {}

    /**
     * One draw the expert was drawn in (staff only): their place, what became of it and the responsible officer's
     * rating. {@code rateable} when the viewer may rate it now.
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

    static ExpertView of(Expert e, List<ReviewView> reviews, List<ExpertTransition> transitions) {
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
                e.getUnavailableFrom(),
                e.getUnavailableTo(),
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
                                d.getId(), d.getDesignation(), d.getStandardTitle(), d.getDraftingRole()))
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
