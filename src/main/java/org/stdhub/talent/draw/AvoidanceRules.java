package org.stdhub.talent.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stdhub.talent.expert.Expert;

/** All avoidance rules of §5.4, in the order a–g, applied to a pool: every rule that holds is one exclusion. */
public final class AvoidanceRules {

    public static final List<AvoidanceRule> ALL = List.of(
            new SameEmployerRule(),
            new RelationWithPartyRule(),
            new FamilyRelationRule(),
            new SupervisingAuthorityRule(),
            new DraftingGroupRule(),
            new PenaltyRule(),
            new DeclaredConflictRule());

    private AvoidanceRules() {}

    /** The exclusions of a pool (experts with ids), one per rule that holds for an expert. */
    public static List<DrawExclusion.Frozen> exclusions(List<Expert> pool, DrawContext draw) {
        List<DrawExclusion.Frozen> found = new ArrayList<>();
        for (Expert e : pool) {
            for (AvoidanceRule rule : ALL) {
                Optional<String> reason = rule.excludes(e, draw);
                reason.ifPresent(r -> found.add(new DrawExclusion.Frozen(
                        e.getId(), rule.name().name(), r.length() > 500 ? r.substring(0, 500) : r)));
            }
        }
        return found;
    }
}
