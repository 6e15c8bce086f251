package org.stdhub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Empties a test data directory before its application context first starts in this test run. */
final class TestData {

    private static final Set<Path> EMPTIED = new HashSet<>();

    private TestData() {}

    /** Deletes {@code dir} unless it was already deleted in this JVM (a context may be running on it). */
    static synchronized void freshOnce(String dir) {
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!EMPTIED.add(path) || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
