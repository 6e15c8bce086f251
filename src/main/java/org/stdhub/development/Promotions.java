package org.stdhub.development;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardKind;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Promotion of published group standards (采信/转化, 10_group_standard_publication.md §10.5): the alliance's
 * secretariat proposes a standard at 60.60 or 90.93 for an industry or national standard, one open proposal at a
 * time; the base office records the outcome — accepted (with the designation of the resulting standard, when known)
 * or rejected (with a reason) — as {@link PromotionStatus} allows. Every change is audited. Anyone may read them.
 */
@Service
@Transactional
public class Promotions {

    private static final Set<Stage> PUBLISHED = Set.of(Stage.PUBLISHED, Stage.CONFIRMED);

    /** A proposal as entered: INDUSTRY or NATIONAL, and why. */
    public record NewPromotion(String targetLevel, String reason) {}

    /** A decision: ACCEPTED or REJECTED, the resulting designation (accepted) and a note (required to reject). */
    public record Decision(PromotionStatus outcome, String targetDesignation, String note) {}

    private final PromotionProposalRepository proposals;
    private final Projects projects;
    private final Alliances alliances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Promotions(
            PromotionProposalRepository proposals,
            Projects projects,
            Alliances alliances,
            ApplicationEventPublisher events,
            Clock clock) {
        this.proposals = proposals;
        this.projects = projects;
        this.alliances = alliances;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public PromotionView propose(long projectId, NewPromotion p) {
        Project project = projects.project(projectId);
        Alliance a = alliances.alliance(project.getAllianceId());
        Participant me = Participant.current();
        if (!me.isPerson() || !me.partiesIn(a.getOrganizationId()).contains(Party.SECRETARY)) {
            throw new NotPermittedException("development.error.not-secretary-of", a.getNameZh());
        }
        var errors = new InvalidInputException.Collector();
        PromotionProposal.Level level = level(p == null ? null : p.targetLevel());
        errors.check(level != null, "targetLevel", "development.error.promotion-level");
        errors.check(p != null && text(p.reason(), 2000), "reason", "development.error.reason-required");
        errors.throwIfAny();
        if (!PUBLISHED.contains(project.stage())) {
            throw new ConflictException(
                    "development.error.promotion-not-published", project.stage().code());
        }
        if (proposals.findByProjectIdOrderByIdAsc(projectId).stream()
                .anyMatch(x -> x.getStatus() == PromotionStatus.PROPOSED)) {
            throw new ConflictException("development.error.promotion-open");
        }
        PromotionProposal saved = proposals.save(
                new PromotionProposal(projectId, level, p.reason().strip(), me.personId(), me.name(), clock.instant()));
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, projectId, "promotion-proposed")
                .withChange("promotion", null, saved.view().id())
                .withChange("designation", null, project.getDesignation())
                .withChange("level", null, level)
                .withChange("status", null, PromotionStatus.PROPOSED));
        return saved.view();
    }

    @PreAuthorize("isAuthenticated()")
    public PromotionView decide(long proposalId, Decision d) {
        PromotionProposal proposal = proposals
                .findById(proposalId)
                .orElseThrow(() -> new NotFoundException("development.error.promotion-not-found", proposalId));
        Participant me = Participant.current();
        if (!me.isPerson() || !me.isBaseOffice()) {
            throw new NotPermittedException("development.error.base-office-only");
        }
        var errors = new InvalidInputException.Collector();
        errors.check(
                d != null && (d.outcome() == PromotionStatus.ACCEPTED || d.outcome() == PromotionStatus.REJECTED),
                "outcome",
                "development.error.promotion-outcome");
        errors.throwIfAny();
        String designation = null;
        if (d.outcome() == PromotionStatus.ACCEPTED
                && d.targetDesignation() != null
                && !d.targetDesignation().isBlank()) {
            var read = ControlCharacters.present(d.targetDesignation())
                    ? java.util.Optional.<Designation>empty()
                    : Designation.tryParse(d.targetDesignation().strip());
            boolean fits = read.map(x ->
                            x.kind() == StandardKind.INDUSTRY || x.kind().name().startsWith("NATIONAL"))
                    .orElse(false);
            errors.check(fits, "targetDesignation", "development.error.promotion-designation");
            designation = read.map(Designation::normalized).orElse(null);
        }
        errors.check(
                d.outcome() != PromotionStatus.REJECTED || text(d.note(), 2000),
                "note",
                "development.error.reason-required");
        errors.check(d.note() == null || d.note().length() <= 2000, "note", "development.error.comment-length");
        errors.throwIfAny();
        PromotionStatus from = proposal.getStatus();
        if (!from.mayBecome(d.outcome())) {
            throw new ConflictException("development.error.promotion-decided", from.name());
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
        proposal.decide(d.outcome(), designation, note, me.personId(), clock.instant());
        events.publishEvent(StateChanged.of(
                        Projects.AUDIT_TYPE,
                        proposal.getProjectId(),
                        d.outcome() == PromotionStatus.ACCEPTED ? "promotion-accepted" : "promotion-rejected")
                .withChange("promotion", null, proposalId)
                .withChange("status", from, d.outcome())
                .withChange("targetDesignation", null, designation)
                .withComment(note));
        return proposal.view();
    }

    @Transactional(readOnly = true)
    public List<PromotionView> of(long projectId) {
        projects.project(projectId);
        return proposals.findByProjectIdOrderByIdAsc(projectId).stream()
                .map(PromotionProposal::view)
                .toList();
    }

    private static PromotionProposal.Level level(String s) {
        if (s == null) {
            return null;
        }
        try {
            return PromotionProposal.Level.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean text(String s, int max) {
        return s != null && !s.isBlank() && s.strip().length() <= max && !ControlCharacters.present(s);
    }
}
