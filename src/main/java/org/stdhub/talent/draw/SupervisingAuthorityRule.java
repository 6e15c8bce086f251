package org.stdhub.talent.draw;

import java.util.Optional;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.expert.Employment;
import org.stdhub.talent.expert.Expert;

/** §5.4 d: staff of the supervising (competent) authority do not review what it supervises (条例46; 12号令12(2)). */
public final class SupervisingAuthorityRule implements AvoidanceRule {

    @Override
    public AvoidanceRuleName name() {
        return AvoidanceRuleName.SUPERVISING_AUTHORITY;
    }

    @Override
    public Optional<String> excludes(Expert expert, DrawContext draw) {
        if (draw.supervisingOrganization() == null) {
            return Optional.empty();
        }
        for (Employment e : expert.getEmployments()) {
            if (e.isCurrent() && draw.supervisingOrganization().equals(e.getOrganizationId())) {
                return Optional.of("employed by supervising authority " + e.getOrganizationId() + " ("
                        + e.getEmployerName() + ")");
            }
        }
        return Optional.empty();
    }
}
