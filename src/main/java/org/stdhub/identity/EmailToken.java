package org.stdhub.identity;

import jakarta.persistence.*;
import java.time.Instant;

/** A one-time token sent by e-mail (address verification, password reset); only its hash is stored. */
@Entity
@Table(name = "email_token")
class EmailToken {

    enum Purpose {
        VERIFY,
        RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EmailToken() {}

    EmailToken(Person person, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.person = person;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isUsable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    void use(Instant now) {
        usedAt = now;
    }

    Person getPerson() {
        return person;
    }

    Purpose getPurpose() {
        return purpose;
    }
}
