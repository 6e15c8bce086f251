package org.stdhub.talent.expert;

import jakarta.persistence.*;
import java.time.LocalDate;

/** One employer of an expert, with dates; the one without an end date is the current employer. */
@Entity
@Table(name = "expert_employment")
public class Employment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id")
    private Expert expert;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "employer_name", nullable = false)
    private String employerName;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    protected Employment() {}

    Employment(Expert expert, Long organizationId, String employerName, LocalDate startedOn, LocalDate endedOn) {
        this.expert = expert;
        this.organizationId = organizationId;
        this.employerName = employerName;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
    }

    /** Writes the employment anew (the caller has checked the values). */
    public void change(Long organizationId, String employerName, LocalDate startedOn, LocalDate endedOn) {
        this.organizationId = organizationId;
        this.employerName = employerName;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getEmployerName() {
        return employerName;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public boolean isCurrent() {
        return endedOn == null;
    }

    /** Did this employment last until {@code since} or later (or does it still last)? */
    public boolean lastedSince(LocalDate since) {
        return endedOn == null || !endedOn.isBefore(since);
    }
}
