package org.stdhub.identity;

import jakarta.persistence.*;
import java.time.Instant;
import org.stdhub.platform.ConflictException;

/** An enterprise, alliance, lab, committee, institute or the base office. */
@Entity
@Table(name = "organization")
public class Organization {

    /** Organizations register themselves and the base office approves them. */
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationKind kind;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "credit_code")
    private String creditCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Organization parent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Organization() {}

    Organization(
            OrganizationKind kind,
            String nameZh,
            String nameEn,
            String creditCode,
            Organization parent,
            Status status,
            Instant now) {
        this.kind = kind;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.creditCode = creditCode;
        this.parent = parent;
        this.status = status;
        this.createdAt = now;
    }

    void approve() {
        if (status != Status.PENDING) {
            throw new ConflictException("organization.error.not-pending", nameZh);
        }
        status = Status.APPROVED;
    }

    void reject() {
        if (status != Status.PENDING) {
            throw new ConflictException("organization.error.not-pending", nameZh);
        }
        status = Status.REJECTED;
    }

    void change(String nameZh, String nameEn, Organization parent) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.parent = parent;
    }

    public Long getId() {
        return id;
    }

    public OrganizationKind getKind() {
        return kind;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public Organization getParent() {
        return parent;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
