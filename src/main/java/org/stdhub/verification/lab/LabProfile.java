package org.stdhub.verification.lab;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** The verification profile of an organization of kind LAB: fields, CNAS accreditation and capacity. */
@Entity(name = "LabProfile")
@Table(name = "lab_profile")
public class LabProfile {

    @Id
    @Column(name = "organization_id")
    private Long organizationId;

    @Column(nullable = false)
    private String fields;

    @Column(name = "cnas_number")
    private String cnasNumber;

    @Column(name = "accreditation_scope")
    private String accreditationScope;

    @Column(name = "accredited_from")
    private LocalDate accreditedFrom;

    @Column(name = "accredited_to")
    private LocalDate accreditedTo;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LabProfile() {}

    public LabProfile(long organizationId, boolean demo) {
        this.organizationId = organizationId;
        this.demo = demo;
    }

    public void change(
            String fields, String cnasNumber, String scope, LocalDate from, LocalDate to, int capacity, Instant now) {
        this.fields = fields;
        this.cnasNumber = cnasNumber;
        this.accreditationScope = scope;
        this.accreditedFrom = from;
        this.accreditedTo = to;
        this.capacity = capacity;
        this.updatedAt = now;
    }

    /** Accredited on {@code day}: a CNAS number and {@code from ≤ day ≤ to}. */
    public boolean accreditedOn(LocalDate day) {
        return cnasNumber != null
                && accreditedFrom != null
                && accreditedTo != null
                && !day.isBefore(accreditedFrom)
                && !day.isAfter(accreditedTo);
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getFields() {
        return fields;
    }

    public String getCnasNumber() {
        return cnasNumber;
    }

    public String getAccreditationScope() {
        return accreditationScope;
    }

    public LocalDate getAccreditedFrom() {
        return accreditedFrom;
    }

    public LocalDate getAccreditedTo() {
        return accreditedTo;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isDemo() {
        return demo;
    }
}
