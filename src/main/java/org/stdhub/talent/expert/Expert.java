package org.stdhub.talent.expert;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.stdhub.talent.ExpertStatus;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.Title;

/**
 * A person's entry in the expert database: fields, title and years, employment history, declared relations,
 * periods of unavailability and status. The status changes only through {@link #take}, which checks the transition table.
 */
@Entity
@Table(name = "expert")
public class Expert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false)
    private String name;

    @Column(name = "ics_codes", nullable = false)
    private String icsCodes = "";

    @Column(name = "ccs_codes", nullable = false)
    private String ccsCodes = "";

    @Column(nullable = false)
    private String keywords = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Title title;

    @Column(name = "equivalent_level", nullable = false)
    private boolean equivalentLevel;

    @Column(name = "years_in_field", nullable = false)
    private int yearsInField;

    private String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExpertStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    /** When the qualification as it stands was approved; cleared when a qualification field changes. */
    @Column(name = "approved_at")
    private Instant approvedAt;

    @OneToMany(mappedBy = "expert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startedOn")
    private List<Employment> employments = new ArrayList<>();

    @OneToMany(mappedBy = "expert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ExpertRelation> relations = new ArrayList<>();

    @OneToMany(mappedBy = "expert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startedOn")
    private List<CommitteeMembership> committees = new ArrayList<>();

    @OneToMany(mappedBy = "expert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<DraftedStandard> draftedStandards = new ArrayList<>();

    @OneToMany(mappedBy = "expert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startsOn")
    private List<UnavailablePeriod> unavailablePeriods = new ArrayList<>();

    @Version
    private int version;

    protected Expert() {}

    public Expert(long personId, String name, Profile profile, Instant now) {
        this.personId = personId;
        this.name = name;
        this.status = ExpertStatus.APPLICANT;
        this.appliedAt = now;
        apply(profile);
    }

    /**
     * The fields of a profile as the expert (or the base office) writes them. Qualification fields are the
     * fields, title, equivalent level and years: changing one of them sends an approved profile back to review.
     */
    public record Profile(
            String icsCodes,
            String ccsCodes,
            String keywords,
            Title title,
            boolean equivalentLevel,
            int yearsInField,
            String region) {}

    /**
     * Writes the profile; true when a qualification field changed. Such a change clears the approval: the
     * qualification as it now stands has not been reviewed ({@link #qualificationApproved()}).
     */
    public boolean apply(Profile p) {
        boolean qualificationChanged = !icsCodes.equals(p.icsCodes())
                || !ccsCodes.equals(p.ccsCodes())
                || title != p.title()
                || equivalentLevel != p.equivalentLevel()
                || yearsInField != p.yearsInField();
        this.icsCodes = p.icsCodes();
        this.ccsCodes = p.ccsCodes();
        this.keywords = p.keywords();
        this.title = p.title();
        this.equivalentLevel = p.equivalentLevel();
        this.yearsInField = p.yearsInField();
        this.region = p.region();
        if (qualificationChanged) {
            approvedAt = null;
        }
        return qualificationChanged;
    }

    /** Has the base office approved the qualification as it stands (no qualification field changed since)? */
    public boolean qualificationApproved() {
        return approvedAt != null;
    }

    /** Takes a transition of the table; the caller has checked who and the guards. */
    public ExpertStatus take(ExpertTransition t, String reason, Instant now) {
        if (!t.leaves(status)) {
            throw new IllegalStateException(t + " does not leave " + status);
        }
        ExpertStatus before = status;
        status = t.to();
        statusReason = reason;
        if (t == ExpertTransition.APPROVE) {
            approvedAt = now;
        }
        return before;
    }

    public Employment addEmployment(Long organizationId, String employerName, LocalDate from, LocalDate to) {
        Employment e = new Employment(this, organizationId, employerName, from, to);
        employments.add(e);
        return e;
    }

    /** The employment {@code employmentId} of this expert. */
    public Optional<Employment> employment(long employmentId) {
        return employments.stream()
                .filter(m -> m.getId() != null && m.getId() == employmentId)
                .findFirst();
    }

    /** The relation {@code relationId} of this expert. */
    public Optional<ExpertRelation> relation(long relationId) {
        return relations.stream()
                .filter(r -> r.getId() != null && r.getId() == relationId)
                .findFirst();
    }

    public boolean removeEmployment(long employmentId) {
        return employments.removeIf(e -> e.getId() != null && e.getId() == employmentId);
    }

    public ExpertRelation addRelation(
            RelationKind kind, Long organizationId, Long personId, String description, LocalDate from, LocalDate to) {
        ExpertRelation r = new ExpertRelation(this, kind, organizationId, personId, description, from, to);
        relations.add(r);
        return r;
    }

    public boolean removeRelation(long relationId) {
        return relations.removeIf(r -> r.getId() != null && r.getId() == relationId);
    }

    public CommitteeMembership addCommittee(String name, String role, LocalDate from, LocalDate to) {
        CommitteeMembership c = new CommitteeMembership(this, name, role, from, to);
        committees.add(c);
        return c;
    }

    public DraftedStandard addDraftedStandard(String designation, String title, String role, Long projectId) {
        DraftedStandard d = new DraftedStandard(this, designation, title, role, projectId);
        draftedStandards.add(d);
        return d;
    }

    /** The committee membership {@code committeeId} of this expert. */
    public Optional<CommitteeMembership> committee(long committeeId) {
        return committees.stream()
                .filter(c -> c.getId() != null && c.getId() == committeeId)
                .findFirst();
    }

    public boolean removeCommittee(long committeeId) {
        return committees.removeIf(c -> c.getId() != null && c.getId() == committeeId);
    }

    /** The standard drafted {@code draftedStandardId} of this expert. */
    public Optional<DraftedStandard> draftedStandard(long draftedStandardId) {
        return draftedStandards.stream()
                .filter(d -> d.getId() != null && d.getId() == draftedStandardId)
                .findFirst();
    }

    public boolean removeDraftedStandard(long draftedStandardId) {
        return draftedStandards.removeIf(d -> d.getId() != null && d.getId() == draftedStandardId);
    }

    public List<CommitteeMembership> getCommittees() {
        return List.copyOf(committees);
    }

    public List<DraftedStandard> getDraftedStandards() {
        return List.copyOf(draftedStandards);
    }

    /** The current employer (the employment without an end date; the latest started if several). */
    public Optional<Employment> currentEmployment() {
        return employments.stream().filter(Employment::isCurrent).reduce((a, b) -> b);
    }

    /** Declares a period of unavailability (the caller has checked the dates and that it overlaps no other). */
    public UnavailablePeriod addUnavailablePeriod(LocalDate from, LocalDate to) {
        UnavailablePeriod p = new UnavailablePeriod(this, from, to);
        unavailablePeriods.add(p);
        return p;
    }

    /** The period of unavailability {@code periodId} of this expert. */
    public Optional<UnavailablePeriod> unavailablePeriod(long periodId) {
        return unavailablePeriods.stream()
                .filter(p -> p.getId() != null && p.getId() == periodId)
                .findFirst();
    }

    public boolean removeUnavailablePeriod(long periodId) {
        return unavailablePeriods.removeIf(p -> p.getId() != null && p.getId() == periodId);
    }

    /** The periods of unavailability, earliest first. */
    public List<UnavailablePeriod> getUnavailablePeriods() {
        return unavailablePeriods.stream()
                .sorted(java.util.Comparator.comparing(UnavailablePeriod::getStartsOn))
                .toList();
    }

    /** Is the expert available on {@code day} (outside every declared period of unavailability)? */
    public boolean availableOn(LocalDate day) {
        return unavailablePeriods.stream().noneMatch(p -> p.covers(day));
    }

    /** Does one of the expert's ICS or CCS classes equal {@code code} or lie below or above it? */
    public boolean servesField(String code) {
        return Arrays.stream((icsCodes + " " + ccsCodes).split("\\s+"))
                .filter(c -> !c.isEmpty())
                .anyMatch(c -> c.equalsIgnoreCase(code) || c.startsWith(code + ".") || code.startsWith(c + "."));
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public String getName() {
        return name;
    }

    public String getIcsCodes() {
        return icsCodes;
    }

    public String getCcsCodes() {
        return ccsCodes;
    }

    public String getKeywords() {
        return keywords;
    }

    public Title getTitle() {
        return title;
    }

    public boolean isEquivalentLevel() {
        return equivalentLevel;
    }

    public int getYearsInField() {
        return yearsInField;
    }

    public String getRegion() {
        return region;
    }

    public ExpertStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public List<Employment> getEmployments() {
        return List.copyOf(employments);
    }

    public List<ExpertRelation> getRelations() {
        return List.copyOf(relations);
    }

    public Profile profile() {
        return new Profile(icsCodes, ccsCodes, keywords, title, equivalentLevel, yearsInField, region);
    }
}
