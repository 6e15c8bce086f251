package org.stdhub.development;

import java.time.Instant;

/** An alliance as pages and API clients see it. {@code prefix} is "T/" and the group code. */
public record AllianceView(
        long id,
        long organizationId,
        String groupCode,
        String prefix,
        String nameZh,
        String nameEn,
        Instant registeredAt,
        boolean demo,
        AllianceSettings settings) {

    static AllianceView of(Alliance a, AllianceSettings settings) {
        return new AllianceView(
                a.getId(),
                a.getOrganizationId(),
                a.getGroupCode(),
                a.prefix(),
                a.getNameZh(),
                a.getNameEn(),
                a.getRegisteredAt(),
                a.isDemo(),
                settings);
    }
}
