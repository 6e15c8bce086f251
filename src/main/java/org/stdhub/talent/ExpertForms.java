package org.stdhub.talent;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** What a person writes to apply, to keep a profile current, and to declare employers and relations. */
public final class ExpertForms {

    private ExpertForms() {}

    /** The profile fields (application or change). Codes are separated by spaces or commas. */
    public record ProfileForm(
            String icsCodes,
            String ccsCodes,
            String keywords,
            Title title,
            Boolean equivalentLevel,
            Integer yearsInField,
            String region,
            @DateTimeFormat(iso = ISO.DATE) LocalDate unavailableFrom,
            @DateTimeFormat(iso = ISO.DATE) LocalDate unavailableTo) {}

    /** An employer, current when {@code endedOn} is empty. */
    public record EmploymentForm(
            Long organizationId,
            String employerName,
            @DateTimeFormat(iso = ISO.DATE) LocalDate startedOn,
            @DateTimeFormat(iso = ISO.DATE) LocalDate endedOn) {}

    /** A relation with an organization and/or a person. */
    public record RelationForm(
            RelationKind kind,
            Long organizationId,
            Long relatedPersonId,
            String description,
            @DateTimeFormat(iso = ISO.DATE) LocalDate startedOn,
            @DateTimeFormat(iso = ISO.DATE) LocalDate endedOn) {}

    /** A committee membership: the committee (e.g. SAC/TC 28), the expert's role in it and the dates. */
    public record CommitteeForm(
            String committeeName,
            String committeeRole,
            @DateTimeFormat(iso = ISO.DATE) LocalDate startedOn,
            @DateTimeFormat(iso = ISO.DATE) LocalDate endedOn) {}

    /** A standard drafted: its designation (e.g. GB/T 1.1-2020), optional title and the expert's part. */
    public record DraftedStandardForm(String designation, String standardTitle, String draftingRole) {}

    /** A transition with its reason (required for rejection and suspension). */
    public record TransitionForm(String reason) {}

    /** Staff search: any of text (name, keyword, class), status, region; all optional. */
    public record Filter(String text, ExpertStatus status, String region) {}
}
