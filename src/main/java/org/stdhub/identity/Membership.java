package org.stdhub.identity;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person holds a role in an organization from one date to another (open-ended when {@code validTo} is null).
 * Ending it takes effect at once: from {@code endedAt} on it grants nothing, even on the day it ended.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected Membership() {}

    Membership(
            Person person, Organization organization, Role role, LocalDate validFrom, LocalDate validTo, Instant now) {
        this.person = person;
        this.organization = organization;
        this.role = role;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.createdAt = now;
    }

    /** Does the membership grant its role on {@code day}? An ended membership grants nothing any more. */
    public boolean isValidOn(LocalDate day) {
        return endedAt == null && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    /** Ends the membership now; its last day becomes today (unless it was to end earlier). */
    void end(Instant now, LocalDate today) {
        if (endedAt != null) {
            throw new org.stdhub.platform.ConflictException("membership.error.ended");
        }
        endedAt = now;
        if (validTo == null || validTo.isAfter(today)) {
            validTo = today;
        }
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Organization getOrganization() {
        return organization;
    }

    public Role getRole() {
        return role;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
