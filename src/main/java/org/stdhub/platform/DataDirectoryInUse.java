package org.stdhub.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.Environment;

/**
 * An operator command started against a data directory whose embedded database a running StdHub holds (H2 allows
 * one process): said in one sentence before anything else starts — no stack trace — and the command ends with exit
 * code {@value #EXIT_CODE}. The import command is pointed to the page and API that import on the running platform.
 */
public final class DataDirectoryInUse extends SpringApplication.AbandonedRunException {

    public static final int EXIT_CODE = 2;

    private final String sentence;

    private DataDirectoryInUse(String sentence) {
        this.sentence = sentence;
    }

    /** The one sentence said to the operator. */
    public String sentence() {
        return sentence;
    }

    @Override
    public String getMessage() {
        return sentence;
    }

    /**
     * Refuses ({@link DataDirectoryInUse}, after printing its sentence to standard error) to run the command this
     * environment names ({@code stdhub.command}) when its H2 database file is locked by another process or
     * connection.
     */
    static void check(Environment environment) {
        String command = environment.getProperty("stdhub.command", "");
        String url = environment.getProperty("spring.datasource.url", "");
        if (command.isEmpty() || !url.startsWith("jdbc:h2:file:")) {
            return;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        Path database = Path.of((options < 0 ? path : path.substring(0, options)) + ".mv.db");
        if (locked(database)) {
            Path dataDir = database.toAbsolutePath().getParent();
            DataDirectoryInUse refusal = new DataDirectoryInUse(sentence(command, dataDir, Locale.getDefault()));
            System.err.println(refusal.sentence());
            throw refusal;
        }
    }

    /** Whether another process (or connection of this one) holds the database file's lock. */
    static boolean locked(Path database) {
        if (!Files.isRegularFile(database)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // unreadable for another reason: let the database say so itself
            return false;
        }
    }

    static String sentence(String command, Path dataDir, Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        if ("import".equals(command)) {
            return zh
                    ? "数据目录 " + dataDir
                            + " 正由运行中的 StdHub 使用；请在运行中的平台上导入：页面 /admin/catalog 或 POST /api/v1/catalog/imports。"
                    : "The data directory " + dataDir + " is in use by a running StdHub; import on the running"
                            + " platform instead, on the page /admin/catalog or with POST /api/v1/catalog/imports.";
        }
        return zh
                ? "数据目录 " + dataDir + " 正由运行中的 StdHub 使用；请先停止它再运行“" + command + "”。"
                : "The data directory " + dataDir + " is in use by a running StdHub; stop it before running '" + command
                        + "'.";
    }
}
