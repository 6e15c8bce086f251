package org.stdhub.verification.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.StdHubProperties;

/**
 * Raw data files and verification reports, stored under {@code <data dir>/verification/} by the SHA-256 of their
 * content ({@code ab/abcdef…}), written once and never changed.
 */
@Component
public class EvidenceFiles {

    /** The largest raw data file accepted. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private final Path root;

    EvidenceFiles(StdHubProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().resolve("verification");
    }

    /** Stores the content under its digest and returns the digest. */
    public String store(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(Map.of("file", "verification.error.raw-empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(Map.of("file", "verification.error.raw-too-large"));
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
        return digest;
    }

    public byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
