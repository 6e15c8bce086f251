package org.stdhub.talent;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.stdhub.talent.draw.DrawExclusion;
import org.stdhub.talent.draw.DrawInputs;
import org.stdhub.talent.draw.DrawParty;
import org.stdhub.talent.draw.DrawPosition;
import org.stdhub.talent.draw.DrawVerifier;
import org.stdhub.talent.draw.ExpertDraw;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRepository;

/**
 * What of a draw is shown to whom: the sealing rule in one place. Before the decision the seed and the result are
 * for the responsible officer only; the inputs, their hash and the seed commitment are public from the commitment on.
 */
@Component
public class DrawPublication {

    /**
     * Inputs someone claims instead of the published ones (any left null keeps the published value).
     *
     * @param exclusions "expertId:RULE" entries
     */
    public record Claim(String seed, List<Long> pool, List<String> exclusions, Integer members, Integer reserves) {

        public static final Claim NONE = new Claim(null, null, null, null, null);

        boolean any() {
            return seed != null || pool != null || exclusions != null || members != null || reserves != null;
        }
    }

    private final ExpertRepository experts;

    DrawPublication(ExpertRepository experts) {
        this.experts = experts;
    }

    static boolean sealedFor(ExpertDraw d, Viewer viewer) {
        return d.getState() != DrawState.DECIDED && !viewer.is(d.getResponsiblePersonId());
    }

    DrawView view(ExpertDraw d, Viewer viewer) {
        boolean sealed = sealedFor(d, viewer);
        boolean resultExists = d.getState() == DrawState.DRAWN || d.getState() == DrawState.DECIDED;
        Map<Long, String> names = names(d);
        List<DrawView.PositionView> positions = sealed
                ? List.of()
                : d.getPositions().stream()
                        .map(p -> new DrawView.PositionView(
                                p.getPosition(),
                                p.getExpertId(),
                                names.get(p.getExpertId()),
                                p.isMember(),
                                p.getOutcome().name(),
                                p.getOutcomeReason(),
                                p.getReplacedBy(),
                                p.isConclusionsVoid()))
                        .toList();
        List<DrawView.ExclusionView> exclusions = d.getExclusions().stream()
                // an exclusion after the draw tells who was drawn: sealed with the result
                .filter(x -> !sealed || !x.isAfterDraw())
                .map(x -> new DrawView.ExclusionView(
                        x.getExpertId(),
                        names.get(x.getExpertId()),
                        AvoidanceRuleName.valueOf(x.getRule()),
                        x.getReason(),
                        x.isAfterDraw()))
                .toList();
        return new DrawView(
                d.getId(),
                d.getPurpose(),
                d.getSubject(),
                d.getFieldCodes(),
                d.getMembers(),
                d.getReserves(),
                d.getSupervisingOrgId(),
                d.getResponsiblePersonId(),
                d.getState(),
                partyIds(d, DrawParty.Kind.ORGANIZATION, DrawParty::getOrganizationId),
                partyIds(d, DrawParty.Kind.PERSON, DrawParty::getPersonId),
                partyIds(d, DrawParty.Kind.DRAFTER, DrawParty::getPersonId),
                d.getParties().stream()
                        .filter(p -> p.getKind() == DrawParty.Kind.EXCLUDED_EXPERT)
                        .map(p -> new DrawForms.ExcludedExpert(p.getExpertId(), p.getReason()))
                        .toList(),
                d.poolIdList().size(),
                d.eligibleIdList().size(),
                exclusions,
                d.getAlgorithm(),
                d.getInputsHash(),
                d.getSeedCommitment(),
                sealed && resultExists,
                viewer.is(d.getResponsiblePersonId()),
                sealed || !resultExists ? null : d.getSeed(),
                positions,
                d.getDecision(),
                d.getCreatedAt(),
                d.getCommittedAt(),
                d.getDrawnAt(),
                d.getDecidedAt());
    }

    DrawVerification verification(ExpertDraw d, Viewer viewer, Claim claim) {
        Claim c = claim == null ? Claim.NONE : claim;
        boolean committed = d.getState() != DrawState.REQUESTED;
        boolean sealed = sealedFor(d, viewer);
        List<String> frozenExclusions = d.getExclusions().stream()
                .filter(x -> !x.isAfterDraw())
                .map(x -> x.getExpertId() + ":" + x.getRule())
                .toList();
        DrawInputs published = new DrawInputs(
                d.getAlgorithm() == null ? "" : d.getAlgorithm(),
                d.getId(),
                d.getMembers(),
                d.getReserves(),
                d.poolIdList(),
                frozenExclusions);
        DrawInputs inputs = !c.any()
                ? published
                : new DrawInputs(
                        published.algorithm(),
                        d.getId(),
                        c.members() == null ? published.members() : c.members(),
                        c.reserves() == null ? published.reserves() : c.reserves(),
                        c.pool() == null ? published.pool() : c.pool(),
                        c.exclusions() == null ? published.exclusions() : c.exclusions());
        boolean resultPublic = !sealed && (d.getState() == DrawState.DRAWN || d.getState() == DrawState.DECIDED);
        String seed = c.seed() != null ? c.seed() : (resultPublic ? d.getSeed() : null);
        List<Long> result = resultPublic
                ? d.getPositions().stream().map(DrawPosition::getExpertId).toList()
                : null;
        DrawVerifier.Checks checks = committed
                ? DrawVerifier.verify(inputs, seed, d.getSeedCommitment(), d.getInputsHash(), result)
                : new DrawVerifier.Checks(null, false, null, List.of(), null);
        return new DrawVerification(
                d.getId(),
                d.getPurpose(),
                d.getSubject(),
                d.getState(),
                d.getAlgorithm(),
                inputs.members(),
                inputs.reserves(),
                committed ? inputs.pool() : List.of(),
                committed ? inputs.exclusions() : List.of(),
                committed ? inputs.eligible() : List.of(),
                committed ? inputs.canonical() : null,
                d.getInputsHash(),
                checks.inputsHash(),
                checks.inputsMatch(),
                d.getSeedCommitment(),
                !resultPublic,
                resultPublic ? d.getSeed() : null,
                checks.commitmentMatches(),
                result,
                checks.recomputed(),
                checks.resultMatches(),
                checks.verified(),
                c.any(),
                d.getCommittedAt(),
                d.getDrawnAt(),
                d.getDecidedAt());
    }

    private Map<Long, String> names(ExpertDraw d) {
        List<Long> ids = new java.util.ArrayList<>();
        d.getPositions().forEach(p -> ids.add(p.getExpertId()));
        d.getExclusions().stream().map(DrawExclusion::getExpertId).forEach(ids::add);
        return experts.findAllById(ids).stream().collect(Collectors.toMap(Expert::getId, Expert::getName));
    }

    private static List<Long> partyIds(
            ExpertDraw d, DrawParty.Kind kind, java.util.function.Function<DrawParty, Long> id) {
        return d.getParties().stream().filter(p -> p.getKind() == kind).map(id).toList();
    }
}
