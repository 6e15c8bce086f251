package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.expert.Employment;
import org.stdhub.talent.expert.Expert;

/** §5.4 a: an expert who works for a party, or is a party person, does not review (条例46; 12号令12(1)(2)). */
public final class SameEmployerRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.SAME_EMPLOYER;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        if (draw.partyPeople().contains(expert.getPersonId())) {
            return Optional.of("party person " + expert.getPersonId());
        }
        for (Employment e : expert.getEmployments()) {
            if (e.isCurrent()
                    && e.getOrganizationId() != null
                    && draw.partyOrganizations().contains(e.getOrganizationId())) {
                return Optional.of(
                        "employed by party organization " + e.getOrganizationId() + " (" + e.getEmployerName() + ")");
            }
        }
        return Optional.empty();
    }
}
