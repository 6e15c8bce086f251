package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A standard project of an alliance. Its stage changes only through {@link #moveTo}, called after {@link
 * StageTransitions#check} allowed the transition.
 */
@Entity
@Table(name = "project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alliance_id", nullable = false, updatable = false)
    private long allianceId;

    @Column(name = "title_zh", nullable = false)
    private String titleZh;

    @Column(name = "title_en")
    private String titleEn;

    @Column(nullable = false)
    private String scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ProjectKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "adoption_degree")
    private AdoptionDegree adoptionDegree;

    @Column(name = "base_designation")
    private String baseDesignation;

    @Column(name = "base_standard_id")
    private Long baseStandardId;

    @Column(nullable = false)
    private String stage;

    @Column(name = "stage_since", nullable = false)
    private Instant stageSince;

    private String designation;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "comment_opens_at")
    private Instant commentOpensAt;

    @Column(name = "comment_closes_at")
    private Instant commentClosesAt;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private long proposedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean demo;

    @Version
    private int version;

    protected Project() {}

    Project(
            long allianceId,
            String titleZh,
            String titleEn,
            String scope,
            ProjectKind kind,
            AdoptionDegree degree,
            String baseDesignation,
            Long baseStandardId,
            long proposedBy,
            Instant now,
            boolean demo) {
        this.allianceId = allianceId;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.scope = scope;
        this.kind = Objects.requireNonNull(kind);
        this.adoptionDegree = degree;
        this.baseDesignation = baseDesignation;
        this.baseStandardId = baseStandardId;
        this.stage = Stage.PROPOSAL_RECEIVED.code();
        this.stageSince = now;
        this.proposedBy = proposedBy;
        this.createdAt = now;
        this.demo = demo;
    }

    void moveTo(Stage next, Instant now) {
        this.stage = next.code();
        this.stageSince = now;
    }

    void openCommentPeriod(Instant opens, Instant closes) {
        this.commentOpensAt = opens;
        this.commentClosesAt = closes;
    }

    void assignDesignation(String designation, LocalDate publishedOn) {
        this.designation = designation;
        this.publishedOn = publishedOn;
    }

    Long getId() {
        return id;
    }

    long getAllianceId() {
        return allianceId;
    }

    String getTitleZh() {
        return titleZh;
    }

    String getTitleEn() {
        return titleEn;
    }

    String getScope() {
        return scope;
    }

    ProjectKind getKind() {
        return kind;
    }

    AdoptionDegree getAdoptionDegree() {
        return adoptionDegree;
    }

    String getBaseDesignation() {
        return baseDesignation;
    }

    Long getBaseStandardId() {
        return baseStandardId;
    }

    Stage stage() {
        return Stage.ofCode(stage).orElseThrow(() -> new IllegalStateException("unknown stage " + stage));
    }

    Instant getStageSince() {
        return stageSince;
    }

    String getDesignation() {
        return designation;
    }

    LocalDate getPublishedOn() {
        return publishedOn;
    }

    Instant getCommentOpensAt() {
        return commentOpensAt;
    }

    Instant getCommentClosesAt() {
        return commentClosesAt;
    }

    long getProposedBy() {
        return proposedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isDemo() {
        return demo;
    }
}
