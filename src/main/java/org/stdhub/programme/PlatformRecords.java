package org.stdhub.programme;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stdhub.consulting.EnquiryProgressed;
import org.stdhub.consulting.EnquiryState;
import org.stdhub.development.Alliances;
import org.stdhub.development.BallotClosed;
import org.stdhub.development.GroupStandardPublished;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.CertificateIssued;
import org.stdhub.talent.ExpertsDrawn;
import org.stdhub.verification.ConformityReportIssued;
import org.stdhub.verification.EvaluationIssued;
import org.stdhub.verification.VerificationCompleted;

/**
 * Counts the platform's records from the other modules' events, each under an identity made of the event's own
 * identifiers (a project's publication under its designation, a ballot, a draw, a certificate number, an
 * organization's approval): a replayed event finds its fact recorded and counts nothing more. Runs inside the
 * publisher's transaction, so a record rolled back is not counted either. The verification center's work counts from
 * its events: a verification task reported (for its lead lab), a conformity test report issued (for its lab), an
 * evaluation of a standard issued (for the center).
 */
@Component
class PlatformRecords {

    private final Indicators indicators;
    private final Alliances alliances;
    private final Clock clock;

    PlatformRecords(Indicators indicators, Alliances alliances, Clock clock) {
        this.indicators = indicators;
        this.alliances = alliances;
        this.clock = clock;
    }

    @EventListener
    void on(GroupStandardPublished e) {
        // the alliance's organization is the unit (an alliance not found: the record counts for the center only;
        // looked up in the list, as a lookup that throws would mark the publisher's transaction for rollback)
        Long unit = alliances.all().stream()
                .filter(a -> a.id() == e.allianceId())
                .map(a -> a.organizationId())
                .findFirst()
                .orElse(null);
        indicators.record(
                "development.group-standard:" + e.projectId() + ":" + e.designation(),
                Indicator.GROUP_STANDARDS_PUBLISHED,
                unit,
                dayOr(e.publishedOn()),
                e.designation());
    }

    /**
     * An enterprise served: the platform answered its enquiry. Each enterprise counts once a year (the year of the
     * answer), however many of its enquiries are answered, and for the platform center (no unit: consulting's experts
     * answer for the base).
     */
    @EventListener
    void on(EnquiryProgressed e) {
        if (e.answeredAt() == null || (e.state() != EnquiryState.ANSWERED && e.state() != EnquiryState.RATED)) {
            return;
        }
        LocalDate answeredOn = LocalDate.ofInstant(e.answeredAt(), clock.getZone());
        indicators.record(
                "consulting.enterprise-served:" + e.organizationId() + ":" + answeredOn.getYear(),
                Indicator.ENTERPRISES_SERVED,
                null,
                answeredOn,
                "enquiry " + e.enquiryId() + " (organization " + e.organizationId() + ")");
    }

    /** A research output published by the research center (a report, a policy brief …), once per report. */
    @EventListener
    void on(ResearchOutputPublished e) {
        indicators.record(
                "research.report:" + e.reportId(),
                Indicator.RESEARCH_OUTPUTS,
                null,
                dayOr(e.publishedOn()),
                e.title() == null ? "report " + e.reportId() : e.title());
    }

    @EventListener
    void on(BallotClosed e) {
        indicators.record(
                "development.ballot:" + e.ballotId(),
                Indicator.BALLOTS_CLOSED,
                null,
                LocalDate.now(clock),
                "ballot " + e.ballotId() + " (project " + e.projectId() + ", " + e.stage() + ")");
    }

    @EventListener
    void on(ExpertsDrawn e) {
        indicators.record(
                "talent.draw:" + e.drawId(),
                Indicator.EXPERT_PANELS_DRAWN,
                null,
                LocalDate.now(clock),
                "draw " + e.drawId() + ": " + e.subject());
    }

    @EventListener
    void on(CertificateIssued e) {
        indicators.record(
                "talent.certificate:" + e.number(),
                Indicator.PEOPLE_CERTIFIED,
                null,
                dayOr(e.issuedOn()),
                "certificate " + e.number());
    }

    @EventListener
    void on(VerificationCompleted e) {
        // the lead lab (the first of the task's labs) is the unit that did it
        Long lab =
                e.labIds() == null || e.labIds().isEmpty() ? null : e.labIds().getFirst();
        indicators.record(
                "verification.task:" + e.taskId(),
                Indicator.VERIFICATIONS_DONE,
                lab,
                LocalDate.now(clock),
                "verification task " + e.taskId() + " (project " + e.projectId() + ")");
    }

    @EventListener
    void on(ConformityReportIssued e) {
        indicators.record(
                "verification.conformity-report:" + e.reportNumber(),
                Indicator.CONFORMITY_REPORTS_ISSUED,
                e.labId(),
                dayOr(e.issuedOn()),
                "report " + e.reportNumber() + ": " + String.join(", ", e.designations()));
    }

    @EventListener
    void on(EvaluationIssued e) {
        indicators.record(
                "verification.evaluation:" + e.evaluationId(),
                Indicator.STANDARD_EVALUATIONS_ISSUED,
                null,
                e.issuedAt() == null ? LocalDate.now(clock) : LocalDate.ofInstant(e.issuedAt(), clock.getZone()),
                "evaluation " + e.evaluationId() + ": " + e.designation());
    }

    @EventListener
    void on(StateChanged e) {
        if ("organization".equals(e.objectType()) && "approved".equals(e.action())) {
            indicators.record(
                    "identity.organization-approved:" + e.objectId(),
                    Indicator.ORGANIZATIONS_APPROVED,
                    null,
                    LocalDate.now(clock),
                    "organization " + e.objectId());
        }
    }

    /** The day an event names, or today when it names none. */
    private LocalDate dayOr(LocalDate day) {
        return day == null ? LocalDate.now(clock) : day;
    }
}
