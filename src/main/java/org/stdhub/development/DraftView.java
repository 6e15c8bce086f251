package org.stdhub.development;

import java.time.Instant;

/** One version of a project's draft as the version list shows it: who uploaded what, when and why. */
public record DraftView(
        long id,
        long projectId,
        int version,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String reason,
        String uploadedBy,
        Instant uploadedAt) {}
