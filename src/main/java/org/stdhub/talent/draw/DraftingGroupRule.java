package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.expert.Expert;

/** §5.4 e: a member of the drafting group of the draft under review does not review it (prior involvement). */
public final class DraftingGroupRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.DRAFTING_GROUP;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        return draw.drafters().contains(expert.getPersonId())
                ? Optional.of("drafting group member (person " + expert.getPersonId() + ")")
                : Optional.empty();
    }
}
