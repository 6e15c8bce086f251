package org.stdhub.identity;

import java.time.Instant;

/**
 * An organization as identity's API shows it to other modules and to API clients: never the JPA entity. {@code
 * status} is {@code PENDING}, {@code APPROVED} or {@code REJECTED}.
 */
public record OrganizationView(
        long id,
        OrganizationKind kind,
        String nameZh,
        String nameEn,
        String creditCode,
        Long parentId,
        String status,
        Instant createdAt) {

    /** For identity itself (its web layer); other modules never hold the entity. */
    public static OrganizationView of(Organization o) {
        return new OrganizationView(
                o.getId(),
                o.getKind(),
                o.getNameZh(),
                o.getNameEn(),
                o.getCreditCode(),
                o.getParent() == null ? null : o.getParent().getId(),
                o.getStatus().name(),
                o.getCreatedAt());
    }
}
