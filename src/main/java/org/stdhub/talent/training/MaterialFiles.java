package org.stdhub.talent.training;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.StdHubProperties;

/**
 * Where course materials live: under {@code <data dir>/materials/}, each named by the SHA-256 of its content ({@code
 * ab/abcdef…}), written once and never changed. The type is read from the content (Apache Tika), never from the
 * name: PDF, Office Open XML documents, or plain text.
 */
@Component
public class MaterialFiles {

    /** The largest file accepted (the application's multipart limit is the same). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Set<String> ACCEPTED =
            Set.of("application/pdf", "application/x-tika-ooxml", "application/zip", "text/plain");

    private final ContentStore store;

    MaterialFiles(StdHubProperties properties) {
        this.store = new ContentStore(properties, "materials", ACCEPTED, "file", "talent.error.material-");
    }

    /** Stores a material; an Office document (detected as a Tika container or zip) is served as octet-stream. */
    public ContentStore.Stored store(byte[] content) {
        ContentStore.Stored stored = store.store(content, MAX_BYTES);
        String type = stored.mediaType();
        if (type.startsWith("application/x-tika") || type.equals("application/zip")) {
            return new ContentStore.Stored(stored.sha256(), "application/octet-stream", stored.size());
        }
        return stored;
    }

    public byte[] read(String sha256) {
        return store.read(sha256);
    }
}
