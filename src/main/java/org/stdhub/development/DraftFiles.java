package org.stdhub.development;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.stdhub.platform.InvalidInputException;
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

    private final Path root;
    private final Tika tika = new Tika();

    DraftFiles(StdHubProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().resolve("drafts");
    }

    /** A stored file: its digest, type and size. */
    record Stored(String sha256, String mediaType, long size) {}

    /** Checks the content's type and size, stores it under its digest and returns what was stored. */
    Stored store(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(Map.of("file", "development.error.draft-empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(Map.of("file", "development.error.draft-too-large"));
        }
        String type = typeOf(content)
                .orElseThrow(() -> new InvalidInputException(Map.of("file", "development.error.draft-type")));
        String digest = sha256(content);
        Path target = path(digest);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), digest, ".part");
                Files.write(temp, content);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().setReadOnly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(digest, type, content.length);
    }

    /** The stored bytes of a digest. */
    byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** PDF or docx as the content says, or nothing. */
    Optional<String> typeOf(byte[] content) {
        String detected;
        try (InputStream in = new ByteArrayInputStream(content)) {
            detected = tika.detect(in);
        } catch (IOException e) {
            return Optional.empty();
        }
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
