package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** A standard a draft version cites (a normative reference), read from its text or entered by hand. */
@Entity
@Table(name = "draft_reference")
class DraftReference {

    /** Where the reference comes from. */
    enum Origin {
        TEXT,
        HAND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "draft_id", nullable = false, updatable = false)
    private long draftId;

    @Column(nullable = false, updatable = false)
    private String designation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Origin origin;

    @Column(name = "added_by", updatable = false)
    private Long addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected DraftReference() {}

    DraftReference(long draftId, String designation, Origin origin, Long addedBy, Instant addedAt) {
        this.draftId = draftId;
        this.designation = designation;
        this.origin = origin;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    String getDesignation() {
        return designation;
    }

    Origin getOrigin() {
        return origin;
    }
}
