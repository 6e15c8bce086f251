package org.stdhub.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * The operator commands ({@code java -jar stdhub.jar COMMAND …}) run the way the jar runs them: through the
 * dispatcher, in the application's context (identity's, without the catalog seed), with their output captured.
 */
@IdentityTest
class CommandLineTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    /** In this class's logins, organization names and test standards ("T/CLITEST 2026.1-2025"): each run starts empty. */
    private static final String RUN = "2026";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Tea-Garden-2026";

    @Autowired
    CommandDispatcher dispatcher;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    /** What a command printed and the exit code the process would end with. */
    record Outcome(int exitCode, String out, String err) {

        /** Neither a stack trace nor an exception's name: an operator reads this. */
        Outcome withoutStackTrace() {
            assertThat(out + err).doesNotContain("Exception", "\tat ");
            return this;
        }
    }

    private Outcome runWithInput(String stdin, String command, String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, UTF_8));
        System.setErr(new PrintStream(stderr, true, UTF_8));
        System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin + "\n").getBytes(UTF_8)));
        try {
            int exitCode = dispatcher.dispatch(command, List.of(args));
            return new Outcome(exitCode, stdout.toString(UTF_8), stderr.toString(UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    private Outcome run(String command, String... args) throws Exception {
        return runWithInput(null, command, args);
    }

    @AfterEach
    void nobodyStaysSignedIn() {
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    private static String newLogin() {
        return "cli" + RUN + "x" + SEQ.incrementAndGet();
    }

    private String createUserWithPassword(String login) throws Exception {
        Outcome created = runWithInput(
                PASSWORD,
                "user",
                "create",
                "--login",
                login,
                "--email",
                login + "@example.com",
                "--name",
                "命令行",
                "--password-stdin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return login;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return Long.parseLong(m.group(1));
    }

    // ---- user

    @Test
    void userCreatePrintsAOneTimePasswordAndTheCommandLineIsTheActor() throws Exception {
        String login = newLogin();
        Outcome created = run(
                "user",
                "create",
                "--login",
                login,
                "--email",
                login + "@example.com",
                "--name",
                "张三",
                "--name-en",
                "Zhang San");

        assertThat(created.exitCode()).as(created.err()).isZero();
        long id = number(created.out(), "created user " + login + " \\(id (\\d+)\\)");
        Matcher otp = Pattern.compile("one-time password \\(shown once, must be changed at first login\\): (\\S+)")
                .matcher(created.out());
        assertThat(otp.find()).as(created.out()).isTrue();
        var person = jdbc.queryForMap(
                "select status, must_change_password, display_name_zh, display_name_en, password_hash from person"
                        + " where id = ?",
                id);
        assertThat(person)
                .containsEntry("STATUS", "ACTIVE")
                .containsEntry("MUST_CHANGE_PASSWORD", true)
                .containsEntry("DISPLAY_NAME_ZH", "张三")
                .containsEntry("DISPLAY_NAME_EN", "Zhang San");
        assertThat(passwords.matches(otp.group(1), (String) person.get("PASSWORD_HASH")))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select actor from audit_event where object_type = 'person' and object_id = ? and action ="
                                + " 'created'",
                        String.class,
                        login))
                .containsExactly("cli");
    }

    @Test
    void userCreateReadsThePasswordFromStandardInputAndGrantsARole() throws Exception {
        long org = SystemActor.run(
                "test",
                () -> organizations
                        .create(OrganizationKind.ENTERPRISE, "命令行测试企业" + RUN + SEQ.incrementAndGet(), null, null, null)
                        .getId());
        String login = newLogin();

        Outcome created = runWithInput(
                PASSWORD,
                "user",
                "create",
                "--login=" + login,
                "--email",
                login + "@example.com",
                "--name",
                "李四",
                "--password-stdin",
                "--org",
                String.valueOf(org),
                "--role",
                "enterprise_user");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out())
                .contains("created user " + login + " (id ", ") with role ENTERPRISE_USER in organization " + org)
                .doesNotContain("one-time password");
        var user = principals.principal(login, Set.of()).orElseThrow();
        assertThat(user.hasRoleIn(org, Role.ENTERPRISE_USER)).isTrue();
        assertThat(user.mustChangePassword()).isFalse();
        assertThat(passwords.matches(
                        PASSWORD,
                        jdbc.queryForObject("select password_hash from person where login = ?", String.class, login)))
                .isTrue();
    }

    @Test
    void userCreateRefusesWhatTheAccountRulesRefuse() throws Exception {
        String login = createUserWithPassword(newLogin());

        Outcome again = run(
                        "user", "create", "--login", login, "--email", "other" + login + "@example.com", "--name", "重名")
                .withoutStackTrace();

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("refused: login: person.error.login-taken");
        assertThat(jdbc.queryForObject("select count(*) from person where login = ?", Long.class, login))
                .isEqualTo(1);
    }

    @Test
    void invalidUserCommandLinesExitWith2AndSayWhatIsWrong() throws Exception {
        String login = newLogin();

        Outcome noSubcommand = run("user").withoutStackTrace();
        assertThat(noSubcommand.exitCode()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing subcommand: create");

        Outcome missing = run("user", "create", "--login", login).withoutStackTrace();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("Missing required options", "--email", "--name", "Usage: user create", "user create --help");

        Outcome badRole = run(
                        "user",
                        "create",
                        "--login",
                        login,
                        "--email",
                        login + "@example.com",
                        "--name",
                        "王五",
                        "--org",
                        "1",
                        "--role",
                        "emperor")
                .withoutStackTrace();
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("Invalid value for option '--role'", "ENTERPRISE_USER");

        Outcome roleWithoutOrganization = run(
                        "user",
                        "create",
                        "--login",
                        login,
                        "--email",
                        login + "@example.com",
                        "--name",
                        "王五",
                        "--role",
                        "admin")
                .withoutStackTrace();
        assertThat(roleWithoutOrganization.exitCode()).isEqualTo(2);
        assertThat(roleWithoutOrganization.err()).contains("--org");

        Outcome unknownOption = run(
                        "user",
                        "create",
                        "--login",
                        login,
                        "--email",
                        login + "@example.com",
                        "--name",
                        "王五",
                        "--colour",
                        "red")
                .withoutStackTrace();
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option", "--colour");

        // nothing was created by any of them
        assertThat(jdbc.queryForObject("select count(*) from person where login = ?", Long.class, login))
                .isZero();
    }

    @Test
    void helpListsTheOptionsAndExitsWith0() throws Exception {
        Outcome help = run("user", "create", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--login", "--email", "--name", "--password-stdin", "--org", "--role");
        assertThat(run("token", "create", "-h").out()).contains("--user", "--scope", "--days");
    }

    // ---- token

    @Test
    void tokenCreatePrintsATokenThatWorksOnTheApi() throws Exception {
        String login = createUserWithPassword(newLogin());

        Outcome created =
                run("token", "create", "--user", login, "--scope", "read,write", "--name", "nightly", "--days", "7");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err())
                .contains("token nightly for " + login + " with scopes [read, write], expires ", "(shown once)");
        Matcher printed = Pattern.compile("(?m)^(sth_\\S+)$").matcher(created.out());
        assertThat(printed.find()).as(created.out()).isTrue();
        String secret = printed.group(1);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.login").isEqualTo(login);
                    assertThat(json).extractingPath("$.scopes").asArray().containsExactlyInAnyOrder("read", "write");
                });
        // the owner created it: the audit trail says so
        assertThat(jdbc.queryForList(
                        "select actor from audit_event where object_type = 'person' and object_id = ? and action ="
                                + " 'token-created'",
                        String.class,
                        login))
                .containsExactly(login);
    }

    @Test
    void tokenCreateRefusesUnknownPeopleScopesAndDays() throws Exception {
        String login = createUserWithPassword(newLogin());

        Outcome nobody = run("token", "create", "--user", "nobody" + RUN, "--scope", "read")
                .withoutStackTrace();
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err()).contains("refused: no user nobody" + RUN);

        Outcome scope =
                run("token", "create", "--user", login, "--scope", "admin").withoutStackTrace();
        assertThat(scope.exitCode()).isEqualTo(1);
        assertThat(scope.err()).contains("refused: scopes: token.error.scopes");

        Outcome days = run("token", "create", "--user", login, "--scope", "read", "--days", "many")
                .withoutStackTrace();
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(days.err()).contains("Invalid value for option '--days'", "many");

        Outcome noScope = run("token", "create", "--user", login).withoutStackTrace();
        assertThat(noScope.exitCode()).isEqualTo(2);
        assertThat(noScope.err()).contains("Missing required option", "--scope");

        assertThat(jdbc.queryForObject(
                        "select count(*) from api_token t join person p on p.id = t.person_id where p.login = ?",
                        Long.class,
                        login))
                .isZero();
    }

    // ---- verify-audit

    @Test
    void verifyAuditSaysTheChainIsWholeAndNamesTheFirstBrokenEntry() throws Exception {
        createUserWithPassword(newLogin()); // at least one entry

        Outcome ok = run("verify-audit");
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        long entries = number(ok.out(), "audit chain OK: (\\d+) entries");
        assertThat(entries).isEqualTo(jdbc.queryForObject("select count(*) from audit_event", Long.class));

        long seq = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        String comment = jdbc.queryForObject("select comment from audit_event where seq = ?", String.class, seq);
        jdbc.update("update audit_event set comment = 'forged' where seq = ?", seq);
        try {
            Outcome broken = run("verify-audit");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("audit chain BROKEN at entry seq=" + seq + ": ");
        } finally {
            jdbc.update("update audit_event set comment = ? where seq = ?", comment, seq);
        }
        assertThat(run("verify-audit").exitCode()).isZero();

        Outcome extra = run("verify-audit", "--repair").withoutStackTrace();
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.err()).contains("Unknown option: '--repair'");
    }

    // ---- import and reindex

    private static String line(String designation, String status) {
        return "{\"id_raw\":\"" + designation + "\",\"title_zh\":\"命令行导入测试 " + designation + "\",\"status\":\"" + status
                + "\",\"source\":\"test:cli:" + RUN + "\"}";
    }

    @Test
    void importReadsJsonLinesFilesReportsRefusedLinesAndRerunsChangeNothing(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("cli-good.jsonl");
        Files.writeString(
                good,
                line("T/CLITEST " + RUN + ".1-2025", "current") + "\n"
                        + line("T/CLITEST " + RUN + ".2-2025", "upcoming"),
                UTF_8);

        Outcome first = run("import", good.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .containsPattern("2 read, 2 inserted, 0 updated, 0 unchanged, 0 rejected in \\d+\\.\\d s");
        assertThat(jdbc.queryForObject("select count(*) from standard where source = ?", Long.class, "test:cli:" + RUN))
                .isEqualTo(2);

        Outcome again = run("import", good.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("2 read, 0 inserted, 0 updated, 2 unchanged, 0 rejected");

        Path bad = dir.resolve("cli-bad.jsonl");
        Files.writeString(bad, line("T/CLITEST " + RUN + ".3-2025", "current") + "\n{not json\n", UTF_8);
        Outcome refused = run("import", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("rejected ", "cli-bad.jsonl", "1 inserted", "1 rejected");
        assertThat(jdbc.queryForObject("select count(*) from standard where source = ?", Long.class, "test:cli:" + RUN))
                .isEqualTo(3);

        Outcome reindexed = run("reindex");
        assertThat(reindexed.exitCode()).isZero();
        assertThat(number(reindexed.out(), "indexed (\\d+) standards"))
                .isEqualTo(jdbc.queryForObject("select count(*) from standard", Long.class));
    }

    @Test
    void invalidImportCommandLinesExitWith2() throws Exception {
        Outcome noFile = run("import").withoutStackTrace();
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("Missing required parameter", "FILE");

        Outcome missing = run("import", "target/no-such-file.jsonl").withoutStackTrace();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read ", "no-such-file.jsonl");

        Outcome reindex = run("reindex", "--now").withoutStackTrace();
        assertThat(reindex.exitCode()).isEqualTo(2);
        assertThat(reindex.err()).contains("Unknown option: '--now'");
    }

    @Test
    void theApplicationsPropertiesOnTheCommandLineAreNotTheCommandsOptions() {
        assertThat(CommandDispatcher.commandArguments(new String[] {
                    "user",
                    "create",
                    "--stdhub.data-dir=/srv/stdhub",
                    "--login",
                    "ops",
                    "--logging.level.root=WARN",
                    "--server.port=0",
                    "--name=运维"
                }))
                .containsExactly("create", "--login", "ops", "--name=运维");
        assertThat(CommandDispatcher.commandArguments(new String[] {"verify-audit"}))
                .isEmpty();
    }

    @Test
    void anUnknownCommandListsTheCommands() throws Exception {
        Outcome unknown = run("frobnicate").withoutStackTrace();

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains(
                        "Unknown command 'frobnicate'",
                        "user create",
                        "token create",
                        "verify-audit",
                        "import FILE",
                        "reindex");
    }
}
