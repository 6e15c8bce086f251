package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRelation;

/**
 * §5.4 g: the expert declared a conflict with a party, or a party's objection (回避申请) against the expert was upheld
 * and named in the request (政府采购法实施条例 第九条 last paragraph). A conflict declared after the draw is handled
 * by the replacement of the drawn expert.
 */
public final class DeclaredConflictRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.DECLARED_CONFLICT;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        if (expert.getId() != null && draw.excludedOnRequest().containsKey(expert.getId())) {
            return Optional.of("upheld objection: " + draw.excludedOnRequest().get(expert.getId()));
        }
        for (ExpertRelation r : expert.getRelations()) {
            if (r.getKind() != RelationKind.CONFLICT || !r.lastedSince(draw.day())) {
                continue;
            }
            boolean withParty = (r.getOrganizationId() != null
                            && draw.partyOrganizations().contains(r.getOrganizationId()))
                    || (r.getRelatedPersonId() != null && draw.partyPeople().contains(r.getRelatedPersonId()));
            if (withParty) {
                return Optional.of("declared conflict: " + r.getDescription());
            }
        }
        return Optional.empty();
    }
}
