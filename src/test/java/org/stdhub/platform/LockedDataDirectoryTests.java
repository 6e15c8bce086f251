package org.stdhub.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stdhub.StdHubApplication;
import org.stdhub.identity.IdentityTest;

/**
 * An operator command started while a running StdHub holds the data directory: this test's own context is that
 * running StdHub (its H2 file in {@code target/test-data/identity-h2} is open), and the command is started the way
 * the jar starts it. One sentence, exit code 2, no stack trace; the import command is pointed to the page and API.
 */
@IdentityTest
class LockedDataDirectoryTests {

    private static final String IN_USE = "target/test-data/identity-h2";

    @Autowired
    JdbcTemplate jdbc;

    record Outcome(int exitCode, String out, String err) {}

    private static Outcome run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, UTF_8));
        System.setErr(new PrintStream(stderr, true, UTF_8));
        try {
            int exitCode = StdHubApplication.runCommand(args);
            return new Outcome(exitCode, stdout.toString(UTF_8), stderr.toString(UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theImportCommandAgainstTheDirectoryOfARunningStdHubSaysSoInOneSentence() {
        // the running platform holds the database open
        assertThat(jdbc.queryForObject("select 1", Integer.class)).isOne();

        Outcome outcome = run("import", "announcement.jsonl", "--stdhub.data-dir=" + IN_USE);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.out() + outcome.err()).doesNotContain("Exception", "\tat ");
        assertThat(outcome.err().strip().lines()).hasSize(1);
        assertThat(outcome.err())
                .contains(Path.of(IN_USE).toAbsolutePath().normalize().toString())
                .contains("/admin/catalog")
                .contains("POST /api/v1/catalog/imports");
    }

    @Test
    void otherCommandsAreToldToStopTheRunningStdHubFirst() {
        Outcome outcome = run("reindex", "--stdhub.data-dir=" + IN_USE);
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip().lines()).hasSize(1);
        assertThat(outcome.err()).contains("reindex");
    }

    @Test
    void theSentenceIsInChineseOrEnglishByTheOperatorsLocale() {
        Path dir = Path.of("/srv/stdhub/data");
        assertThat(DataDirectoryInUse.sentence("import", dir, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("数据目录 /srv/stdhub/data 正由运行中的 StdHub 使用；请在运行中的平台上导入：页面 /admin/catalog 或"
                        + " POST /api/v1/catalog/imports。");
        assertThat(DataDirectoryInUse.sentence("import", dir, Locale.ENGLISH))
                .isEqualTo("The data directory /srv/stdhub/data is in use by a running StdHub; import on the running"
                        + " platform instead, on the page /admin/catalog or with POST /api/v1/catalog/imports.");
    }

    @Test
    void aDirectoryNobodyHoldsIsNotInUse(@org.junit.jupiter.api.io.TempDir Path free) throws Exception {
        Path database = free.resolve("stdhub.mv.db");
        assertThat(DataDirectoryInUse.locked(database)).isFalse();
        java.nio.file.Files.writeString(database, "x");
        assertThat(DataDirectoryInUse.locked(database)).isFalse();
        assertThat(DataDirectoryInUse.locked(Path.of(IN_USE, "stdhub.mv.db").toAbsolutePath()))
                .isTrue();
    }
}
