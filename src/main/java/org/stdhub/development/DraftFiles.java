package org.stdhub.development;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.StdHubProperties;

/**
 * Where draft files live: under {@code <data dir>/drafts/}, each named by the SHA-256 of its content ({@code
 * ab/abcdef…}), written once and never changed (the same content uploaded twice is stored once). The type is read
 * from the content with Apache Tika's detector, never from the name: PDF, or an Office Open XML package whose main
 * part is a Word document (docx).
 */
@Component
class DraftFiles {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** The largest draft accepted (the multipart limit of the application is the same). */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private final ContentStore store;

    DraftFiles(StdHubProperties properties) {
        this.store = new ContentStore(properties, "drafts", DraftFiles::typeOf, "file", "development.error.draft-");
    }

    /** Checks the content's type and size, stores it under its digest and returns what was stored. */
    ContentStore.Stored store(byte[] content) {
        return store.store(content, MAX_BYTES);
    }

    /** The stored bytes of a digest. */
    byte[] read(String sha256) {
        return store.read(sha256);
    }

    Path path(String sha256) {
        return store.path(sha256);
    }

    /** PDF or docx as the content says, or nothing. */
    private static Optional<String> typeOf(byte[] content, String detected) {
        if (PDF.equals(detected)) {
            return Optional.of(PDF);
        }
        if (("application/x-tika-ooxml".equals(detected) || "application/zip".equals(detected) || DOCX.equals(detected))
                && isWordPackage(content)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    /** An OPC package whose content types declare a Word main document part. */
    private static boolean isWordPackage(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("[Content_Types].xml")) {
                    String types = new String(zip.readNBytes(1 << 20), StandardCharsets.UTF_8);
                    return types.contains(WORD_MAIN);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    static String sha256(byte[] content) {
        return ContentStore.sha256(content);
    }
}
