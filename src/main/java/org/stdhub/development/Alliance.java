package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** An alliance: an organization of kind alliance with its group code (the XXX of {@code T/XXX}), registered once. */
@Entity
@Table(name = "alliance")
class Alliance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private long organizationId;

    @Column(name = "group_code", nullable = false, updatable = false)
    private String groupCode;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(nullable = false)
    private boolean demo;

    protected Alliance() {}

    Alliance(long organizationId, String groupCode, String nameZh, String nameEn, Instant now, boolean demo) {
        this.organizationId = organizationId;
        this.groupCode = groupCode;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.registeredAt = now;
        this.demo = demo;
    }

    void rename(String zh, String en) {
        this.nameZh = zh;
        this.nameEn = en;
    }

    Long getId() {
        return id;
    }

    long getOrganizationId() {
        return organizationId;
    }

    String getGroupCode() {
        return groupCode;
    }

    /** "T/" and the group code: the prefix of the alliance's standards. */
    String prefix() {
        return "T/" + groupCode;
    }

    String getNameZh() {
        return nameZh;
    }

    String getNameEn() {
        return nameEn;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    boolean isDemo() {
        return demo;
    }
}
