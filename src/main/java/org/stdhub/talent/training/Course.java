package org.stdhub.talent.training;

import jakarta.persistence.*;
import java.time.Instant;

/** A course of the public catalog (standardization basics, drafting per GB/T 1.1 …); held in sessions. */
@Entity
@Table(name = "course")
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "title_zh", nullable = false)
    private String titleZh;

    @Column(name = "title_en")
    private String titleEn;

    private String description;

    @Column(name = "created_by_person_id")
    private Long createdByPersonId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Course() {}

    public Course(String titleZh, String titleEn, String description, Long createdByPersonId, Instant now) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.description = description;
        this.createdByPersonId = createdByPersonId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitleZh() {
        return titleZh;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getDescription() {
        return description;
    }
}
