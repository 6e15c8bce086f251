package org.stdhub.development;

import java.time.Instant;
import java.util.List;
import org.stdhub.compliance.Verdict;

/**
 * The normative references of a draft version and what the validity check says of each today.
 *
 * @param draftId the draft version
 * @param checkedAt when the check ran (the catalog as of then)
 * @param flagged how many references need attention (withdrawn, replaced, outdated edition, not found, unknown)
 */
public record ReferenceCheckView(
        long draftId, int draftVersion, Instant checkedAt, int flagged, List<Reference> references) {

    /**
     * One cited standard.
     *
     * @param origin TEXT (read from the draft) or HAND (entered by a person)
     * @param verdict the validity check's verdict
     * @param flagged whether it may not be cited as it is
     * @param title the catalog's title, or null when not found
     * @param currentReplacement what to cite today instead (withdrawn or outdated edition)
     */
    public record Reference(
            String designation,
            String origin,
            Verdict verdict,
            boolean flagged,
            String title,
            List<String> currentReplacement) {}
}
