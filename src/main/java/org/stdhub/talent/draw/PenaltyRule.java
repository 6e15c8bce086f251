package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRelation;

/**
 * §5.4 f: an expert with an administrative or criminal penalty for a violation in tendering or reviews is not drawn
 * (12号令 第十二条(4): "曾因…受过行政处罚或刑事处罚的" — ever, so the penalty's dates do not matter).
 */
public final class PenaltyRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.PENALTY;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        for (ExpertRelation r : expert.getRelations()) {
            if (r.getKind() == RelationKind.PENALTY) {
                return Optional.of("penalty recorded: " + r.getDescription());
            }
        }
        return Optional.empty();
    }
}
