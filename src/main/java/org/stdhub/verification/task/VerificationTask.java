package org.stdhub.verification.task;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** A verification of the clauses of one draft version of a development project by one or more labs. */
@Entity
@Table(name = "verification_task")
public class VerificationTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Column(name = "alliance_id", nullable = false, updatable = false)
    private long allianceId;

    @Column(name = "draft_id", nullable = false, updatable = false)
    private long draftId;

    @Column(name = "draft_version_no", nullable = false, updatable = false)
    private int draftVersionNo;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String plan;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskState state;

    @Column(name = "opened_by")
    private Long openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "report_sha256")
    private String reportSha256;

    @Column(nullable = false)
    private boolean demo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "verification_task_lab", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "lab_id")
    private Set<Long> labIds = new LinkedHashSet<>();

    protected VerificationTask() {}

    public VerificationTask(
            long projectId,
            long allianceId,
            long draftId,
            int draftVersionNo,
            String title,
            String plan,
            LocalDate dueDate,
            Set<Long> labIds,
            Long openedBy,
            Instant now,
            boolean demo) {
        this.projectId = projectId;
        this.allianceId = allianceId;
        this.draftId = draftId;
        this.draftVersionNo = draftVersionNo;
        this.title = title;
        this.plan = plan;
        this.dueDate = dueDate;
        this.labIds = new LinkedHashSet<>(labIds);
        this.openedBy = openedBy;
        this.openedAt = now;
        this.state = TaskState.PLANNED;
        this.demo = demo;
    }

    public void moveTo(TaskState to, Instant now) {
        this.state = to;
        if (to == TaskState.REPORTED) {
            this.reportedAt = now;
        }
        if (to == TaskState.CLOSED || to == TaskState.CANCELLED) {
            this.closedAt = now;
        }
    }

    public void attachReport(String sha256) {
        this.reportSha256 = sha256;
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public long getAllianceId() {
        return allianceId;
    }

    public long getDraftId() {
        return draftId;
    }

    public int getDraftVersionNo() {
        return draftVersionNo;
    }

    public String getTitle() {
        return title;
    }

    public String getPlan() {
        return plan;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public TaskState getState() {
        return state;
    }

    public Long getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getReportSha256() {
        return reportSha256;
    }

    public boolean isDemo() {
        return demo;
    }

    public Set<Long> getLabIds() {
        return Set.copyOf(labIds);
    }
}
