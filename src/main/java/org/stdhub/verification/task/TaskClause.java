package org.stdhub.verification.task;

import jakarta.persistence.*;
import java.time.Instant;

/** A clause of the draft to verify: its requirement, test method and acceptance criterion, and the verdict. */
@Entity(name = "VerificationClause")
@Table(name = "verification_clause")
public class TaskClause {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private long taskId;

    @Column(name = "clause_no", nullable = false)
    private String clauseNo;

    @Column(nullable = false)
    private String requirement;

    @Column(name = "test_method", nullable = false)
    private String testMethod;

    @Column(nullable = false)
    private String acceptance;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    private String recommendation;

    @Column(name = "verdict_lab_id")
    private Long verdictLabId;

    @Column(name = "verdict_by")
    private Long verdictBy;

    @Column(name = "verdict_at")
    private Instant verdictAt;

    protected TaskClause() {}

    public TaskClause(long taskId, String clauseNo, String requirement, String testMethod, String acceptance) {
        this.taskId = taskId;
        this.clauseNo = clauseNo;
        this.requirement = requirement;
        this.testMethod = testMethod;
        this.acceptance = acceptance;
    }

    public void decide(Verdict verdict, String recommendation, long labId, Long by, Instant now) {
        this.verdict = verdict;
        this.recommendation = recommendation;
        this.verdictLabId = labId;
        this.verdictBy = by;
        this.verdictAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public String getClauseNo() {
        return clauseNo;
    }

    public String getRequirement() {
        return requirement;
    }

    public String getTestMethod() {
        return testMethod;
    }

    public String getAcceptance() {
        return acceptance;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public Long getVerdictLabId() {
        return verdictLabId;
    }
}
