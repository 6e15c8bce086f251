package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.expert.Expert;

/** One avoidance rule of §5.4: does it keep this expert out of this draw, and why? */
public interface AvoidanceRule {

    AvoidanceRuleName name();

    /** The reason (facts, not wording) when the rule excludes the expert; empty when it does not. */
    Optional<String> excludes(Expert expert, DrawContext draw);
}
