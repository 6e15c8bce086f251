package org.stdhub.programme;

import org.springframework.stereotype.Component;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.StdHubProperties;

/**
 * Where task evidence lives: the platform's {@link ContentStore} under {@code <data dir>/programme-evidence/}, each
 * file named by the SHA-256 of its content ({@code ab/abcdef…}), written once and never changed (the same content
 * twice is stored once). Evidence may be of any type (reports, scans, spreadsheets): the type is read from the content
 * and recorded, not checked; empty and oversized files are refused.
 */
@Component
class TaskEvidenceFiles {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final ContentStore store;

    TaskEvidenceFiles(StdHubProperties properties) {
        this.store = new ContentStore(
                properties, "programme-evidence", ContentStore.AcceptedTypes.any(), "file", "programme.error.file-");
    }

    /** Checks the size, stores the content under its digest and returns what was stored. */
    ContentStore.Stored store(byte[] content) {
        return store.store(content, MAX_BYTES);
    }

    /** The stored bytes of a digest. */
    byte[] read(String sha256) {
        return store.read(sha256);
    }
}
