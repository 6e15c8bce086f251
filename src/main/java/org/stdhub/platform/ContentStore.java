package org.stdhub.platform;

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
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * Uploaded files stored once under a folder of the data directory, each named by the SHA-256 of its content ({@code
 * ab/abcdef…}), written through a temporary file and an atomic move, never changed. The type is read from the content
 * with Apache Tika's detector, never from the name. A module keeps one per folder with the types it accepts.
 */
public final class ContentStore {

    /** A stored file: its digest, detected type and size. */
    public record Stored(String sha256, String mediaType, long size) {}

    /**
     * Which contents a store accepts: given the content and the type Tika detected, the type to record, or nothing to
     * refuse the file.
     */
    @FunctionalInterface
    public interface AcceptedTypes {
        Optional<String> typeOf(byte[] content, String detected);

        /** Exactly these detected types. */
        static AcceptedTypes of(Set<String> types) {
            Set<String> accepted = Set.copyOf(types);
            return (content, detected) -> accepted.contains(detected) ? Optional.of(detected) : Optional.empty();
        }

        /** Any content (raw data files), recorded with the detected type. */
        static AcceptedTypes any() {
            return (content, detected) -> Optional.of(detected);
        }
    }

    private final Path root;
    private final AcceptedTypes types;
    private final String field;
    private final String messagePrefix;
    private final Tika tika = new Tika();

    /**
     * @param folder the folder under the data directory, e.g. {@code reports}
     * @param types the media types accepted, as Tika detects them
     * @param field the form field a refusal names
     * @param messagePrefix the refusals' message keys without their ending: {@code <prefix>empty},
     *     {@code <prefix>too-large}, {@code <prefix>type}
     */
    public ContentStore(
            StdHubProperties properties, String folder, Set<String> types, String field, String messagePrefix) {
        this(properties, folder, AcceptedTypes.of(types), field, messagePrefix);
    }

    /** A store whose accepted types are decided by {@code types} (e.g. a look inside an Office package). */
    public ContentStore(
            StdHubProperties properties, String folder, AcceptedTypes types, String field, String messagePrefix) {
        this.root = properties.dataDir().toAbsolutePath().resolve(folder);
        this.types = types;
        this.field = field;
        this.messagePrefix = messagePrefix;
    }

    /** Checks the content's size and type, then stores it under its digest (once). */
    public Stored store(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(Map.of(field, messagePrefix + "empty"));
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(Map.of(field, messagePrefix + "too-large"));
        }
        String detected;
        try (InputStream in = new ByteArrayInputStream(content)) {
            detected = tika.detect(in);
        } catch (IOException e) {
            detected = "";
        }
        String type = types.typeOf(content, detected)
                .orElseThrow(() -> new InvalidInputException(Map.of(field, messagePrefix + "type")));
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

    /** The content stored under {@code sha256}. */
    public byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the content of {@code sha256} lies. */
    public Path path(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The SHA-256 of {@code content} in lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
