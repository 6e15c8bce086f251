package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** A declaration that a patent may be essential to a project's standard, with its holder and licensing terms. */
@Entity
@Table(name = "patent_declaration")
class PatentDeclaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Column(nullable = false, updatable = false)
    private String holder;

    @Column(name = "patent_number", nullable = false, updatable = false)
    private String patentNumber;

    @Column(updatable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Licensing licensing;

    @Column(name = "declared_by", nullable = false, updatable = false)
    private long declaredBy;

    @Column(name = "declarer_name", nullable = false, updatable = false)
    private String declarerName;

    @Column(name = "declared_at", nullable = false, updatable = false)
    private Instant declaredAt;

    protected PatentDeclaration() {}

    PatentDeclaration(
            long projectId,
            String holder,
            String patentNumber,
            String title,
            Licensing licensing,
            long declaredBy,
            String declarerName,
            Instant now) {
        this.projectId = projectId;
        this.holder = holder;
        this.patentNumber = patentNumber;
        this.title = title;
        this.licensing = licensing;
        this.declaredBy = declaredBy;
        this.declarerName = declarerName;
        this.declaredAt = now;
    }

    PatentView view() {
        return new PatentView(id, projectId, holder, patentNumber, title, licensing, declarerName, declaredAt);
    }
}
