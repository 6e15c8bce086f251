package org.stdhub.talent.draw;

import jakarta.persistence.*;

/** Who a draw concerns: a party organization or person, a drafting-group member, or an expert excluded on request. */
@Entity
@Table(name = "expert_draw_party")
public class DrawParty {

    /** The kinds of entries of a draw request. */
    public enum Kind {
        ORGANIZATION,
        PERSON,
        DRAFTER,
        EXCLUDED_EXPERT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draw_id")
    private ExpertDraw draw;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "expert_id")
    private Long expertId;

    private String reason;

    protected DrawParty() {}

    DrawParty(ExpertDraw draw, Kind kind, Long organizationId, Long personId, Long expertId, String reason) {
        this.draw = draw;
        this.kind = kind;
        this.organizationId = organizationId;
        this.personId = personId;
        this.expertId = expertId;
        this.reason = reason;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getExpertId() {
        return expertId;
    }

    public String getReason() {
        return reason;
    }
}
