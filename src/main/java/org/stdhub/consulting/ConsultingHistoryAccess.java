package org.stdhub.consulting;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.consulting.declaration.DeclarationStore;
import org.stdhub.consulting.enquiry.EnquiryStore;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads consulting's histories: a declaration's by its enterprise and the base office; an enquiry's by those who
 * see it (its enterprise, its assignee, the base office); the routing table's by the base office; a FAQ entry's by
 * the base office.
 */
@Component
class ConsultingHistoryAccess implements HistoryAccess {

    private final DeclarationStore declarations;
    private final EnquiryStore enquiries;

    ConsultingHistoryAccess(DeclarationStore declarations, EnquiryStore enquiries) {
        this.declarations = declarations;
        this.enquiries = enquiries;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(Declarations.AUDIT_TYPE, Enquiries.AUDIT_TYPE, EnquiryRoutes.AUDIT_TYPE, Faq.AUDIT_TYPE);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        Caller caller = Caller.of(viewer);
        if (caller.office()) {
            return true;
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Declarations.AUDIT_TYPE.equals(objectType)) {
            return declarations
                    .head(id)
                    .map(h -> caller.actsFor(h.organizationId()))
                    .orElse(false);
        }
        if (Enquiries.AUDIT_TYPE.equals(objectType)) {
            return enquiries
                    .find(id, LocalDate.now())
                    .map(e -> Enquiries.maySee(caller, e))
                    .orElse(false);
        }
        return false;
    }
}
