package org.stdhub.programme;

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
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.StdHubProperties;

/**
 * Where task evidence lives: under {@code <data dir>/programme-evidence/}, each file named by the SHA-256 of its
 * content ({@code ab/abcdef…}), written once (the same content twice is stored once). The type is read from the
 * content (Tika), never from the name.
 */
@Component
class TaskEvidenceFiles {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final Path root;
    private final Tika tika = new Tika();

    TaskEvidenceFiles(StdHubProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().resolve("programme-evidence");
    }

    record Stored(String sha256, String mediaType, long size) {}

    Stored store(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(Map.of("file", "programme.error.file-empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(Map.of("file", "programme.error.file-too-large"));
        }
        String sha = sha256(content);
        Path target = pathOf(sha);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "up", ".tmp");
                Files.write(tmp, content);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(sha, tika.detect(content), content.length);
    }

    byte[] read(String sha256) {
        try {
            return Files.readAllBytes(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pathOf(String sha) {
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
