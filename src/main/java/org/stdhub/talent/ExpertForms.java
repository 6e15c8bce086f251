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
            String region) {}

    /**
     * A period in which the expert cannot serve on a panel, both days inclusive; open-ended (until the expert removes
     * it) when {@code unavailableTo} is empty.
     */
    public record UnavailablePeriodForm(
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

    /**
     * A standard drafted: its designation (e.g. GB/T 1.1-2020), optional title, the expert's part and the development
     * project it was drafted in ({@code projectId}, optional). The designation may stay empty when a project is given
     * (a standard not yet published).
     */
    public record DraftedStandardForm(String designation, String standardTitle, String draftingRole, Long projectId) {}

    /** A transition with its reason (required for rejection and suspension). */
    public record TransitionForm(String reason) {}

    /**
     * Staff search; every part optional and all of them combined. {@code text} matches the name, keywords and classes;
     * {@code field} is an ICS or CCS class or its beginning (25.040 finds 25.040.30, and an expert of 25.040 serves
     * 25.040.30); {@code keyword} matches the keywords; {@code title} is the lowest title wanted (SENIOR finds senior
     * and full senior); {@code minYears} the fewest years in the field; {@code availableFrom}–{@code availableTo} a
     * day or period in which none of the expert's periods of unavailability falls ({@code availableTo} empty: that one day).
     */
    public record Filter(
            String text,
            String field,
            String keyword,
            Title title,
            Integer minYears,
            String region,
            LocalDate availableFrom,
            LocalDate availableTo,
            ExpertStatus status) {

        /** Text, status and region only. */
        public Filter(String text, ExpertStatus status, String region) {
            this(text, null, null, null, null, region, null, null, status);
        }

        /** No filter: every expert. */
        public static Filter none() {
            return new Filter(null, null, null);
        }
    }
}
