package org.stdhub.talent;

import java.util.List;

/** What the responsible officer writes to request a draw and to act on its result. */
public final class DrawForms {

    private DrawForms() {}

    /** An expert to keep out of the draw on request (an upheld objection), with the reason. */
    public record ExcludedExpert(Long expertId, String reason) {}

    /**
     * A draw request. Field codes (ICS or CCS) are separated by spaces or commas; members must be odd and at least
     * the configured minimum of the purpose ({@link TalentProperties#minMembers(DrawPurpose)}).
     */
    public record NewDraw(
            DrawPurpose purpose,
            String subject,
            String fieldCodes,
            Integer members,
            Integer reserves,
            Long supervisingOrganizationId,
            List<Long> partyOrganizations,
            List<Long> partyPeople,
            List<Long> drafters,
            List<ExcludedExpert> excludedExperts) {}

    /** A drawn expert leaves the panel: {@code outcome} is DECLINED, DISQUALIFIED or CONFLICT. */
    public record Replacement(Integer position, String outcome, String reason) {}

    /** The responsible officer's rating (1–5) of a drawn expert's review, with an optional note. */
    public record Rating(Integer rating, String note) {}

    /** Why (a drawn expert's declared conflict). */
    public record Reason(String reason) {}

    /** The purpose's decision, which publishes the result. */
    public record Decision(String decision) {}
}
