package org.stdhub.development;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as its page and API show it: what it is, where it stands, who must act next and by when, and what the
 * viewer may do now.
 *
 * @param nextTransitions the transitions the procedure offers from the current stage (the secretariat owns them)
 * @param allowedTransitions those the viewer may make now (role and conditions met)
 * @param deadline when the current step ends (comment period or open ballot closing), or null
 * @param viewerIsSecretariat the viewer is in the alliance's secretariat
 * @param viewerIsMember the viewer holds a member or secretary role in the alliance
 */
public record ProjectView(
        long id,
        long allianceId,
        String alliancePrefix,
        String allianceName,
        String titleZh,
        String titleEn,
        String scope,
        ProjectKind kind,
        AdoptionDegree adoptionDegree,
        String baseDesignation,
        String stage,
        Instant stageSince,
        String designation,
        LocalDate publishedOn,
        Instant commentOpensAt,
        Instant commentClosesAt,
        boolean demo,
        List<String> nextTransitions,
        List<String> allowedTransitions,
        Instant deadline,
        AllianceSettings settings,
        boolean viewerIsSecretariat,
        boolean viewerIsMember) {

    public String stageKey() {
        return "development.stage." + stage;
    }
}
