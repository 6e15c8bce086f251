package org.stdhub.talent.draw;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the avoidance rules know about a draw: its parties, supervising authority, drafting group, the experts
 * excluded on request (upheld objections, expert id → reason), the day of the draw and how many years back a
 * relation with a party counts.
 */
public record DrawContext(
        Set<Long> partyOrganizations,
        Set<Long> partyPeople,
        Long supervisingOrganization,
        Set<Long> drafters,
        Map<Long, String> excludedOnRequest,
        LocalDate day,
        int relationYears) {

    public DrawContext {
        partyOrganizations = Set.copyOf(partyOrganizations);
        partyPeople = Set.copyOf(partyPeople);
        drafters = Set.copyOf(drafters);
        excludedOnRequest = Map.copyOf(excludedOnRequest);
    }

    /** The first day that still counts for a past relation with a party. */
    public LocalDate relationsSince() {
        return day.minusYears(relationYears);
    }
}
