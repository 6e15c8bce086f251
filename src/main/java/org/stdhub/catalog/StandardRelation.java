package org.stdhub.catalog;

import jakarta.persistence.*;

/** A relation of a standard to another as its source states it; the target is linked when it is in the catalog. */
@Entity
@Table(name = "standard_relation")
public class StandardRelation {

    /** What the relation says of the owning standard. */
    public enum Kind {
        REPLACES,
        REPLACED_BY,
        AMENDED_BY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id")
    private Standard standard;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "target_designation", nullable = false)
    private String targetDesignation;

    @Column(name = "target_key", nullable = false)
    private String targetKey;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id")
    private Standard target;

    protected StandardRelation() {}

    public Long getId() {
        return id;
    }

    public Standard getStandard() {
        return standard;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTargetDesignation() {
        return targetDesignation;
    }

    public String getTargetKey() {
        return targetKey;
    }

    public Standard getTarget() {
        return target;
    }
}
