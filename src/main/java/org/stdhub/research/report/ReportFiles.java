package org.stdhub.research.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.stdhub.platform.InvalidInputException;
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

    private final Path root;
    private final Tika tika = new Tika();

    ReportFiles(StdHubProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().resolve("reports");
    }

    /** A stored file: its digest, type and size. */
    public record Stored(String sha256, String mediaType, long size) {}

    /** Checks the content's type and size, stores it under its digest. */
    public Stored store(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(Map.of("file", "research.error.file-empty"));
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(Map.of("file", "research.error.file-too-large"));
        }
        String type;
        try (InputStream in = new ByteArrayInputStream(content)) {
            type = tika.detect(in);
        } catch (IOException e) {
            type = "";
        }
        if (!TYPES.contains(type)) {
            throw new InvalidInputException(Map.of("file", "research.error.file-type"));
        }
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(digest, type, content.length);
    }

    public byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
