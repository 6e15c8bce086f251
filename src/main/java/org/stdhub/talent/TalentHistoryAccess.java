package org.stdhub.talent;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.talent.certificate.CertificateRepository;
import org.stdhub.talent.draw.ExpertDrawRepository;
import org.stdhub.talent.expert.ExpertRepository;

/**
 * Who reads the talent module's histories: an expert's history is read by the base office and the expert; a draw's
 * by its responsible officer, and by the base office once the decision is recorded (before that the history holds
 * the sealed result's replacements); a certificate's by its issuers (trainers, the base office) and its holder.
 */
@Component
class TalentHistoryAccess implements HistoryAccess {

    private final ExpertRepository experts;
    private final ExpertDrawRepository draws;
    private final CertificateRepository certificates;

    TalentHistoryAccess(ExpertRepository experts, ExpertDrawRepository draws, CertificateRepository certificates) {
        this.experts = experts;
        this.draws = draws;
        this.certificates = certificates;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(Experts.AUDIT_TYPE, Draws.AUDIT_TYPE, Certificates.AUDIT_TYPE);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        if (Certificates.AUDIT_TYPE.equals(objectType)) {
            // issuers, and the holder
            Viewer who = Viewer.of(viewer);
            return who.office()
                    || HistoryAccess.hasRole(viewer, "TRAINER")
                    || certificates
                            .findByNumber(objectId)
                            .map(c -> who.is(c.getPersonId()))
                            .orElse(false);
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        Viewer who = Viewer.of(viewer);
        if (Experts.AUDIT_TYPE.equals(objectType)) {
            return experts.findById(id)
                    .map(e -> who.office() || who.is(e.getPersonId()))
                    .orElse(false);
        }
        return draws.findById(id)
                .map(d -> who.is(d.getResponsiblePersonId()) || (who.office() && d.getState() == DrawState.DECIDED))
                .orElse(false);
    }
}
