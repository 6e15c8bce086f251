package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.expert.Employment;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRelation;

/**
 * §5.4 b: within the last years (three by default) the expert was employed by a party, was its director or
 * supervisor, or its controlling shareholder or actual controller (政府采购法实施条例 第九条(一)–(三)).
 */
public final class RelationWithPartyRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.RELATION_WITH_PARTY;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        for (Employment e : expert.getEmployments()) {
            if (!e.isCurrent()
                    && e.getOrganizationId() != null
                    && draw.partyOrganizations().contains(e.getOrganizationId())
                    && e.lastedSince(draw.relationsSince())) {
                return Optional.of(
                        "employed by party organization " + e.getOrganizationId() + " until " + e.getEndedOn());
            }
        }
        for (ExpertRelation r : expert.getRelations()) {
            if ((r.getKind() == RelationKind.DIRECTORSHIP || r.getKind() == RelationKind.SHAREHOLDING)
                    && r.getOrganizationId() != null
                    && draw.partyOrganizations().contains(r.getOrganizationId())
                    && r.lastedSince(draw.relationsSince())) {
                return Optional.of(r.getKind() + " of party organization " + r.getOrganizationId()
                        + (r.getEndedOn() == null ? "" : " until " + r.getEndedOn()));
            }
        }
        return Optional.empty();
    }
}
