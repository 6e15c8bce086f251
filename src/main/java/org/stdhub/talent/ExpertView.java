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
        List<ExpertTransition> transitions) {

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

    static ExpertView of(Expert e, List<ExpertTransition> transitions) {
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
