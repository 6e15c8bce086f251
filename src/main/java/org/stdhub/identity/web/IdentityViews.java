package org.stdhub.identity.web;

import java.time.Instant;
import java.util.List;
import org.stdhub.identity.ApiToken;

/**
 * What the identity API answers besides the module's own views ({@link org.stdhub.identity.PersonView} …): plain
 * records, never the JPA entities.
 */
final class IdentityViews {

    private IdentityViews() {}

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
