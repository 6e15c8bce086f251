package org.stdhub.talent.expert;

import jakarta.persistence.*;

/**
 * A standard the expert drafted: its designation (empty while the standard is still a development project), optional
 * title, their part in drafting it, and the development project it was drafted in (an id of the development module,
 * read through its API).
 */
@Entity
@Table(name = "expert_drafted_standard")
public class DraftedStandard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id")
    private Expert expert;

    private String designation;

    @Column(name = "standard_title")
    private String standardTitle;

    @Column(name = "drafting_role")
    private String draftingRole;

    @Column(name = "project_id")
    private Long projectId;

    protected DraftedStandard() {}

    DraftedStandard(Expert expert, String designation, String standardTitle, String draftingRole, Long projectId) {
        this.expert = expert;
        change(designation, standardTitle, draftingRole, projectId);
    }

    /** Writes the entry anew (the caller has checked the values). */
    public void change(String designation, String standardTitle, String draftingRole, Long projectId) {
        this.designation = designation;
        this.standardTitle = standardTitle;
        this.draftingRole = draftingRole;
        this.projectId = projectId;
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

    public Long getProjectId() {
        return projectId;
    }
}
