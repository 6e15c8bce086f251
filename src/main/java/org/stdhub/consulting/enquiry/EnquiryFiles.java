package org.stdhub.consulting.enquiry;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.StdHubProperties;

/**
 * Where enquiry attachments live: under {@code <data dir>/enquiries/}, each named by the SHA-256 of its content. The
 * type is read from the content with Apache Tika's detector, never from the name: PDF, PNG, JPEG or plain text.
 */
@Component
public class EnquiryFiles {

    public static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/plain");

    private final ContentStore store;

    EnquiryFiles(StdHubProperties properties) {
        this.store = new ContentStore(properties, "enquiries", TYPES, "files", "consulting.error.attachment-");
    }

    /** Checks the content's type and size, stores it under its digest. */
    public ContentStore.Stored store(byte[] content, long maxBytes) {
        return store.store(content, maxBytes);
    }

    public byte[] read(String sha256) {
        return store.read(sha256);
    }
}
