package org.stdhub.catalog.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.StdHubProperties;

/**
 * The files of catalog import jobs, kept in the data directory ({@code catalog-imports/}) from upload until the
 * job is applied (an import cut short by a stop is applied again from it): stored under a name of their own, their
 * digest (confirming checks the file is the one previewed), and read with their progress counted.
 */
@Component
class ImportFiles {

    private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);
    private static final String FOLDER = "catalog-imports";

    private final Path dataDir;

    ImportFiles(StdHubProperties properties) {
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    }

    Path store(String name, byte[] content) {
        try {
            Path folder = dataDir.resolve(FOLDER);
            Files.createDirectories(folder);
            String safe = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
            safe = safe.length() <= 80 ? safe : safe.substring(safe.length() - 80);
            Path file = folder.resolve(UUID.randomUUID() + "-" + safe);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConflictException("catalog.import.error.file-changed");
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }

    /** The file's own name, without folders a browser may send, control characters, and at most 200 characters. */
    static String plainName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file, its bytes read told to {@code progress} (at most twice a second). */
    static InputStream counted(Path file, LongConsumer progress) throws IOException {
        return new FilterInputStream(Files.newInputStream(file)) {
            private long count;
            private long lastWrite = System.nanoTime();

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) {
                count += n;
                long now = System.nanoTime();
                if (now - lastWrite > 500_000_000L) {
                    lastWrite = now;
                    progress.accept(count);
                }
            }
        };
    }
}
