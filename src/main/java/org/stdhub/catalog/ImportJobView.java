package org.stdhub.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A catalog import job as the base office sees it: its file, state and progress, the preview (what would change)
 * and, once applied, the report (what did).
 *
 * @param origin {@code UPLOAD} (page or API) or {@code FOLDER} (the scheduled import folder)
 * @param progressPercent how much of the file the running step has read, 0–100
 * @param failure why the job failed, in words (null unless failed)
 * @param preview what confirming will change (null while previewing)
 * @param report what the import changed (null until applied)
 */
public record ImportJobView(
        long id,
        String fileName,
        String origin,
        ImportJobState state,
        String requestedBy,
        Instant createdAt,
        Instant updatedAt,
        int progressPercent,
        String failure,
        Preview preview,
        Report report) {

    /**
     * What the import would change, counted as the importer counts, with the changes themselves (the first
     * {@value #MAX_CHANGES_LISTED}; {@code changesNotListed} more).
     */
    public record Preview(
            int read,
            int inserted,
            int updated,
            int unchanged,
            int refused,
            int statusChanges,
            int withdrawals,
            int newReplacementLinks,
            List<Change> changes,
            int changesNotListed,
            List<RefusedLine> refusedLines) {}

    /** The most changes a preview lists one by one. */
    public static final int MAX_CHANGES_LISTED = 2000;

    /**
     * One standard the import adds or changes.
     *
     * @param kind {@code NEW}, {@code WITHDRAWN} (status changes to withdrawn), {@code STATUS} (other status
     *     change) or {@code UPDATED} (other fields)
     * @param fields the fields that change, with before and after (for a new standard: its title, status, dates)
     * @param replacedBy what the record says replaces the standard (for withdrawals)
     * @param newReplacementLinks replacement relations the record adds ("replaces X", "replaced by Y")
     */
    public record Change(
            String designation,
            String kind,
            List<FieldChange> fields,
            List<String> replacedBy,
            List<String> newReplacementLinks) {}

    /** A field of a standard, before and after (null when it has none). */
    public record FieldChange(String field, String before, String after) {}

    /** A line of the file that cannot go in, and why. */
    public record RefusedLine(String file, int line, String designation, String reason) {}

    /**
     * What the import did.
     *
     * @param importBatchId the catalog's import batch (its audit history and change log)
     * @param resumed the import was cut short by a stop of the platform and finished on the next start
     */
    public record Report(
            long importBatchId,
            int read,
            int inserted,
            int updated,
            int unchanged,
            int refused,
            int statusChanges,
            int withdrawals,
            int newReplacementLinks,
            List<RefusedLine> refusedLines,
            boolean resumed) {}
}
