package org.stdhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every test run starts on empty data directories: {@value #TEST_DATA} is deleted once per JVM, when the JUnit
 * launcher session opens (registered in {@code META-INF/services}, so Maven and the IDE both run it), before any
 * application context starts on it. Within a run, test classes sharing an application context still share its
 * database, so their data must not clash (each class uses names of its own).
 */
public final class FreshTestData implements LauncherSessionListener {

    public static final String TEST_DATA = "target/test-data";

    private static boolean deleted;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        deleteOnce();
    }

    private static synchronized void deleteOnce() {
        if (deleted) {
            return; // a context of this JVM may be running on it
        }
        deleted = true;
        Path dir = Path.of(TEST_DATA);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
