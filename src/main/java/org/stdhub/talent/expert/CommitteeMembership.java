package org.stdhub.talent.expert;

import jakarta.persistence.*;
import java.time.LocalDate;

/** A standardization committee the expert sits on (or sat on), with their role and dates. */
@Entity
@Table(name = "expert_committee")
public class CommitteeMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id")
    private Expert expert;

    @Column(name = "committee_name", nullable = false)
    private String committeeName;

    @Column(name = "committee_role", nullable = false)
    private String committeeRole;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    protected CommitteeMembership() {}

    CommitteeMembership(Expert expert, String committeeName, String committeeRole, LocalDate from, LocalDate to) {
        this.expert = expert;
        this.committeeName = committeeName;
        this.committeeRole = committeeRole;
        this.startedOn = from;
        this.endedOn = to;
    }

    /** Writes the membership anew (the caller has checked the values). */
    public void change(String committeeName, String committeeRole, LocalDate from, LocalDate to) {
        this.committeeName = committeeName;
        this.committeeRole = committeeRole;
        this.startedOn = from;
        this.endedOn = to;
    }

    public Long getId() {
        return id;
    }

    public String getCommitteeName() {
        return committeeName;
    }

    public String getCommitteeRole() {
        return committeeRole;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }
}
