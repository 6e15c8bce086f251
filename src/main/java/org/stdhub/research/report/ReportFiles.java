package org.stdhub.research.report;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.StdHubProperties;

/**
 * Where the files of reports and policy briefs live: under {@code <data dir>/reports/}, each named by the SHA-256 of
 * its content. The type is read from the content with Apache Tika's detector, never from the name: PDF or Word
 * (OOXML).
 */
@Component
public class ReportFiles {

    public static final Set<String> TYPES = Set.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/x-tika-ooxml");

    private final ContentStore store;

    ReportFiles(StdHubProperties properties) {
        this.store = new ContentStore(properties, "reports", TYPES, "file", "research.error.file-");
    }

    /** Checks the content's type and size, stores it under its digest. */
    public ContentStore.Stored store(byte[] content, long maxBytes) {
        return store.store(content, maxBytes);
    }

    public byte[] read(String sha256) {
        return store.read(sha256);
    }
}
