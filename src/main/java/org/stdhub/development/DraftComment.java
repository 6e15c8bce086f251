package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** A comment on a project's draft in the ISO template's columns, and the drafting group's disposition of it. */
@Entity
@Table(name = "draft_comment")
class DraftComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "member_body", nullable = false)
    private String memberBody;

    @Column(name = "line_no")
    private String lineNo;

    private String clause;

    private String element;

    @Enumerated(EnumType.STRING)
    @Column(name = "comment_type", nullable = false)
    private CommentType type;

    @Column(name = "comment_text", nullable = false)
    private String text;

    @Column(name = "proposed_change")
    private String proposedChange;

    @Enumerated(EnumType.STRING)
    private Disposition disposition;

    private String observations;

    @Column(name = "submitted_by")
    private Long submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "disposed_by")
    private Long disposedBy;

    @Column(name = "disposed_at")
    private Instant disposedAt;

    protected DraftComment() {}

    DraftComment(long projectId, int seq, CommentEntry entry, Long submittedBy, Instant now) {
        this.projectId = projectId;
        this.seq = seq;
        this.memberBody = entry.memberBody();
        this.lineNo = entry.line();
        this.clause = entry.clause();
        this.element = entry.element();
        this.type = entry.type();
        this.text = entry.comment();
        this.proposedChange = entry.proposedChange();
        this.submittedBy = submittedBy;
        this.submittedAt = now;
    }

    void dispose(Disposition d, String obs, long by, Instant now) {
        this.disposition = d;
        this.observations = obs;
        this.disposedBy = by;
        this.disposedAt = now;
    }

    CommentView view() {
        return new CommentView(
                id, seq, memberBody, lineNo, clause, element, type, text, proposedChange, disposition, observations);
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    int getSeq() {
        return seq;
    }

    Disposition getDisposition() {
        return disposition;
    }
}
