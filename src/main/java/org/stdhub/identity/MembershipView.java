package org.stdhub.identity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A membership (a role a person holds in an organization) as identity's API shows it to other modules and to API
 * clients: never the JPA entity. {@code current} says whether it grants its role today (an ended one never does);
 * {@code organizationStatus} is the organization's ({@code PENDING}, {@code APPROVED}, {@code REJECTED}).
 */
public record MembershipView(
        long id,
        long personId,
        String login,
        String personName,
        long organizationId,
        String organization,
        String organizationStatus,
        Role role,
        LocalDate validFrom,
        LocalDate validTo,
        Instant endedAt,
        boolean current) {

    /** For identity itself (its web layer); other modules never hold the entity. */
    public static MembershipView of(Membership m, LocalDate today) {
        return new MembershipView(
                m.getId(),
                m.getPerson().getId(),
                m.getPerson().getLogin(),
                m.getPerson().getDisplayNameZh(),
                m.getOrganization().getId(),
                m.getOrganization().getNameZh(),
                m.getOrganization().getStatus().name(),
                m.getRole(),
                m.getValidFrom(),
                m.getValidTo(),
                m.getEndedAt(),
                m.isValidOn(today));
    }

    /** Ended at once by someone (not merely past its {@code validTo}). */
    public boolean isEnded() {
        return endedAt != null;
    }
}
