package org.stdhub.catalog;

import jakarta.persistence.*;

/** A Chinese standard's adoption of an international standard (IDT, MOD, NEQ; EQV for legacy records). */
@Entity
@Table(name = "standard_adoption")
public class Adoption {

    /** Degree of correspondence per GB/T 20000.2. */
    public enum Degree {
        IDT,
        MOD,
        NEQ,
        EQV
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id")
    private Standard standard;

    @Column(name = "international_designation", nullable = false)
    private String internationalDesignation;

    @Column(name = "international_key", nullable = false)
    private String internationalKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Degree degree;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "international_id")
    private Standard internationalStandard;

    protected Adoption() {}

    public Long getId() {
        return id;
    }

    /** The adopting (Chinese) standard. */
    public Standard getStandard() {
        return standard;
    }

    public String getInternationalDesignation() {
        return internationalDesignation;
    }

    public String getInternationalKey() {
        return internationalKey;
    }

    public Degree getDegree() {
        return degree;
    }

    /** The adopted standard, when it is in the catalog. */
    public Standard getInternationalStandard() {
        return internationalStandard;
    }
}
