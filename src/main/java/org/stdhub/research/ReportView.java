package org.stdhub.research;

import java.time.Instant;
import java.util.List;

/** A report or policy brief with its versions; {@code editable} says whether the viewer may change it. */
public record ReportView(
        long id,
        ReportKind kind,
        String title,
        String abstractText,
        List<String> keywords,
        Long researchProjectId,
        String createdBy,
        Instant createdAt,
        Instant publishedAt,
        List<Version> versions,
        boolean editable) {

    /** One version of the file, content-addressed by its SHA-256. */
    public record Version(
            int number, String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {}

    public boolean published() {
        return publishedAt != null;
    }
}
