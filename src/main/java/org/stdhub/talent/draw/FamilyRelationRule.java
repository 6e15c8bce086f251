package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRelation;

/**
 * §5.4 c: the expert is a close relative (spouse, lineal, collateral within three generations, close in-law) of a
 * party person or of the head of a party organization (政府采购法实施条例 第九条(四); 12号令 第十二条(1)).
 */
public final class FamilyRelationRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.FAMILY_RELATION;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        for (ExpertRelation r : expert.getRelations()) {
            if (r.getKind() != RelationKind.FAMILY || !r.lastedSince(draw.day())) {
                continue;
            }
            if (r.getRelatedPersonId() != null && draw.partyPeople().contains(r.getRelatedPersonId())) {
                return Optional.of(
                        "relative of party person " + r.getRelatedPersonId() + " (" + r.getDescription() + ")");
            }
            if (r.getOrganizationId() != null && draw.partyOrganizations().contains(r.getOrganizationId())) {
                return Optional.of("relative of the head of party organization " + r.getOrganizationId() + " ("
                        + r.getDescription() + ")");
            }
        }
        return Optional.empty();
    }
}
