package org.stdhub.talent.expert;

import jakarta.persistence.*;

/** A standard the expert drafted: its designation, optional title and their part in drafting it. */
@Entity
@Table(name = "expert_drafted_standard")
public class DraftedStandard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id")
    private Expert expert;

    @Column(nullable = false)
    private String designation;

    @Column(name = "standard_title")
    private String standardTitle;

    @Column(name = "drafting_role")
    private String draftingRole;

    protected DraftedStandard() {}

    DraftedStandard(Expert expert, String designation, String standardTitle, String draftingRole) {
        this.expert = expert;
        this.designation = designation;
        this.standardTitle = standardTitle;
        this.draftingRole = draftingRole;
    }

    /** Writes the entry anew (the caller has checked the values). */
    public void change(String designation, String standardTitle, String draftingRole) {
        this.designation = designation;
        this.standardTitle = standardTitle;
        this.draftingRole = draftingRole;
    }

    public Long getId() {
        return id;
    }

    public String getDesignation() {
        return designation;
    }

    public String getStandardTitle() {
        return standardTitle;
    }

    public String getDraftingRole() {
        return draftingRole;
    }
}
