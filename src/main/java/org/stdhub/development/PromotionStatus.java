package org.stdhub.development;

import java.util.Map;
import java.util.Set;

/**
 * The small state machine of a promotion proposal: PROPOSED, then ACCEPTED or REJECTED (both final). The table is
 * the whole rule; anything else is refused with 409.
 */
public enum PromotionStatus {
    PROPOSED,
    ACCEPTED,
    REJECTED;

    private static final Map<PromotionStatus, Set<PromotionStatus>> NEXT =
            Map.of(PROPOSED, Set.of(ACCEPTED, REJECTED), ACCEPTED, Set.of(), REJECTED, Set.of());

    public boolean mayBecome(PromotionStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String messageKey() {
        return "development.promotion.status." + name();
    }
}
