package org.stdhub.development;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stdhub.platform.StateChanged;

/**
 * Keeps an alliance's names equal to its organization's: identity publishes every rename as a {@link StateChanged}
 * in the renaming transaction, and this listener applies it in the same transaction (public pages need the names
 * without reading identity's tables or asking identity on behalf of anonymous visitors).
 */
@Component
class AllianceNames {

    private final AllianceRepository alliances;

    AllianceNames(AllianceRepository alliances) {
        this.alliances = alliances;
    }

    @EventListener
    void on(StateChanged change) {
        if (!"organization".equals(change.objectType()) || !"updated".equals(change.action())) {
            return;
        }
        var name = change.changes().get("name");
        var nameEn = change.changes().get("nameEn");
        if (name == null && nameEn == null) {
            return;
        }
        long organizationId;
        try {
            organizationId = Long.parseLong(change.objectId());
        } catch (NumberFormatException e) {
            return;
        }
        alliances
                .findByOrganizationId(organizationId)
                .ifPresent(a -> a.rename(
                        name == null ? a.getNameZh() : name.after(), nameEn == null ? a.getNameEn() : nameEn.after()));
    }
}
