package org.stdhub.talent.expert;

import jakarta.persistence.*;
import java.time.LocalDate;
import org.stdhub.talent.RelationKind;

/** A relation an expert declared (family, shareholding, directorship, standing conflict) or a recorded penalty. */
@Entity
@Table(name = "expert_relation")
public class ExpertRelation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id")
    private Expert expert;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RelationKind kind;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "related_person_id")
    private Long relatedPersonId;

    @Column(nullable = false)
    private String description;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    protected ExpertRelation() {}

    ExpertRelation(
            Expert expert,
            RelationKind kind,
            Long organizationId,
            Long relatedPersonId,
            String description,
            LocalDate startedOn,
            LocalDate endedOn) {
        this.expert = expert;
        this.kind = kind;
        this.organizationId = organizationId;
        this.relatedPersonId = relatedPersonId;
        this.description = description;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
    }

    /** Writes the relation anew (the caller has checked the values). */
    public void change(
            RelationKind kind,
            Long organizationId,
            Long relatedPersonId,
            String description,
            LocalDate startedOn,
            LocalDate endedOn) {
        this.kind = kind;
        this.organizationId = organizationId;
        this.relatedPersonId = relatedPersonId;
        this.description = description;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
    }

    public Long getId() {
        return id;
    }

    public RelationKind getKind() {
        return kind;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getRelatedPersonId() {
        return relatedPersonId;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    /** Did this relation last until {@code since} or later (or does it still last)? */
    public boolean lastedSince(LocalDate since) {
        return endedOn == null || !endedOn.isBefore(since);
    }
}
