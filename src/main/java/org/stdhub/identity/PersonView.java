package org.stdhub.identity;

import java.time.Instant;

/**
 * A person as identity's API shows them to other modules and to API clients: never the JPA entity (no password
 * hash, no security version). {@code status} is {@code PENDING}, {@code ACTIVE} or {@code SUSPENDED}.
 */
public record PersonView(
        long id,
        String login,
        String email,
        String mobile,
        String displayNameZh,
        String displayNameEn,
        String status,
        Instant createdAt) {

    /** For identity itself (its web layer); other modules never hold the entity. */
    public static PersonView of(Person p) {
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

    /** May the person sign in and receive mail (their address verified, not suspended)? */
    public boolean isActive() {
        return Person.Status.ACTIVE.name().equals(status);
    }
}
