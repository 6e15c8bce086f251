package org.stdhub.verification.task;

import org.springframework.stereotype.Component;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.StdHubProperties;

/**
 * Raw data files and verification reports, stored under {@code <data dir>/verification/} by the SHA-256 of their
 * content ({@code ab/abcdef…}), written once and never changed. Raw data may be of any type (instrument exports,
 * spreadsheets, images): the type is recorded, not checked.
 */
@Component
public class EvidenceFiles {

    /** The largest raw data file accepted. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private final ContentStore store;

    EvidenceFiles(StdHubProperties properties) {
        this.store = new ContentStore(
                properties, "verification", ContentStore.AcceptedTypes.any(), "file", "verification.error.raw-");
    }

    /** Stores the content under its digest and returns the digest. */
    public String store(byte[] content) {
        return store.store(content, MAX_BYTES).sha256();
    }

    public byte[] read(String sha256) {
        return store.read(sha256);
    }

    public static String sha256(byte[] content) {
        return ContentStore.sha256(content);
    }
}
