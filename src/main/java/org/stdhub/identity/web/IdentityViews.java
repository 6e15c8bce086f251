package org.stdhub.identity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stdhub.identity.ApiToken;
import org.stdhub.identity.Membership;
import org.stdhub.identity.Organization;
import org.stdhub.identity.Person;

/** What the identity API answers: plain records, never the JPA entities. */
final class IdentityViews {

    private IdentityViews() {}

    record OrganizationView(
            long id,
            String kind,
            String nameZh,
            String nameEn,
            String creditCode,
            Long parentId,
            String status,
            Instant createdAt) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(
                    o.getId(),
                    o.getKind().name(),
                    o.getNameZh(),
                    o.getNameEn(),
                    o.getCreditCode(),
                    o.getParent() == null ? null : o.getParent().getId(),
                    o.getStatus().name(),
                    o.getCreatedAt());
        }
    }

    record PersonView(
            long id,
            String login,
            String email,
            String mobile,
            String displayNameZh,
            String displayNameEn,
            String status,
            Instant createdAt) {

        static PersonView of(Person p) {
            return new PersonView(
                    p.getId(),
                    p.getLogin(),
                    p.getEmail(),
                    p.getMobile(),
                    p.getDisplayNameZh(),
                    p.getDisplayNameEn(),
                    p.getStatus().name(),
                    p.getCreatedAt());
        }
    }

    /** A membership; {@code current} says whether it grants its role today (an ended one never does). */
    record MembershipView(
            long id,
            long personId,
            String login,
            long organizationId,
            String organization,
            String role,
            LocalDate validFrom,
            LocalDate validTo,
            Instant endedAt,
            boolean current) {

        static MembershipView of(Membership m, LocalDate today) {
            return new MembershipView(
                    m.getId(),
                    m.getPerson().getId(),
                    m.getPerson().getLogin(),
                    m.getOrganization().getId(),
                    m.getOrganization().getNameZh(),
                    m.getRole().name(),
                    m.getValidFrom(),
                    m.getValidTo(),
                    m.getEndedAt(),
                    m.isValidOn(today));
        }
    }

    /** A token without its secret (which is shown once, when it is created). */
    record TokenView(
            long id,
            String name,
            String prefix,
            List<String> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.getId(),
                    t.getName(),
                    t.getTokenPrefix(),
                    List.of(t.getScopes().split(",")),
                    t.getCreatedAt(),
                    t.getExpiresAt(),
                    t.getRevokedAt(),
                    t.getLastUsedAt());
        }
    }

    /** Why, for approvals, rejections, suspensions and ends (optional except for a rejection). */
    record Comment(String comment) {

        static String of(Comment body) {
            return body == null ? null : body.comment();
        }
    }
}
