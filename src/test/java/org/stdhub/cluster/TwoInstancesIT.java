package org.stdhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stdhub.cluster.ClusterInstances.Instance;

/**
 * Two real StdHub instances ({@code target/stdhub.jar}, profile {@code cluster}) over one PostgreSQL schema: a
 * session made by signing in on A works on B (same cookie) and ends on both when it ends on one; a scheduled job
 * runs once per tick across both (ShedLock); failed logins counted on A lock the account on B; A killed with {@code
 * kill -9}, B goes on serving the session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String PASSWORD = "Zhengluoxin-cluster-2026";
    private static final String JOB = "development.deadlines";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern LOG_TIME =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(?:Z|[+-]\\d{2}:\\d{2}))");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static ClusterDatabase database;
    static ClusterInstances cluster;
    static Instance a;
    static Instance b;

    @BeforeAll
    static void startTwoInstances() {
        database = ClusterDatabase.fresh("cluster_it");
        cluster = new ClusterInstances(Path.of("target/cluster-it"));
        List<String> args = new ArrayList<>(database.args());
        args.addAll(List.of(
                "--spring.profiles.active=cluster",
                "--stdhub.seed.enabled=false",
                "--stdhub.demo.enabled=false",
                "--stdhub.admin.password=" + PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                // the deadline job every 2 s, each run holding its lock 1.5 s at least: one run per tick
                "--stdhub.development.deadline-cron=*/2 * * * * *",
                "--stdhub.scheduling.lock-at-least-for=PT1.5S",
                "--logging.level.org.stdhub.platform.SchedulerLocks=debug"));
        // the first start migrates the schema and creates the administrator; the second finds them
        a = cluster.start("a", args, Map.of("STDHUB_INSTANCE_NAME", "instance-a"));
        b = cluster.start("b", args, Map.of("STDHUB_INSTANCE_NAME", "instance-b"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void aSessionMadeOnAWorksOnBAndEndsOnBoth() throws Exception {
        String session = signIn(a, "admin", PASSWORD).orElseThrow(() -> new AssertionError("sign-in on A failed"));

        HttpResponse<String> me = get(b, "/api/v1/me", session);
        assertThat(me.statusCode()).as("B knows the session made on A").isEqualTo(200);
        assertThat(me.body()).contains("\"admin\"");
        assertThat(get(b, "/profile", session).statusCode()).isEqualTo(200);
        assertThat(get(b, "/api/v1/me", null).statusCode())
                .as("without the cookie B answers 401")
                .isEqualTo(401);
        assertThat(get(b, "/api/v1/me", "bm90LWEtc2Vzc2lvbg").statusCode())
                .as("an unknown session is nobody")
                .isEqualTo(401);
        try (Connection c = database.connect();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from spring_session where principal_name = 'admin'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1))
                    .as("the session is a row of the shared database")
                    .isGreaterThanOrEqualTo(1);
        }

        // signed out on B: the cookie is nobody on A either
        String csrf = csrf(get(b, "/profile", session).body());
        HttpResponse<String> logout = post(b, "/logout", session, Map.of("_csrf", csrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(get(a, "/api/v1/me", session).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aScheduledJobRunsOncePerTickAcrossBothInstances() throws Exception {
        Instant from = Instant.now();
        ClusterInstances.sleep(Duration.ofSeconds(14));
        Instant to = Instant.now().minusSeconds(1);

        List<Instant> runsA = jobLines(a, "runs on", from, to);
        List<Instant> runsB = jobLines(b, "runs on", from, to);
        List<Instant> skipped = new ArrayList<>(jobLines(a, "skipped on", from, to));
        skipped.addAll(jobLines(b, "skipped on", from, to));

        Map<Long, Integer> runsPerTick = new HashMap<>();
        Stream.concat(runsA.stream(), runsB.stream())
                .forEach(run -> runsPerTick.merge(run.getEpochSecond() / 2, 1, Integer::sum));
        assertThat(runsPerTick.size())
                .as("the job ran at most ticks of the window (A %s, B %s)", runsA, runsB)
                .isGreaterThanOrEqualTo(4);
        assertThat(runsPerTick.values())
                .as("never on both instances at one tick (A %s, B %s)", runsA, runsB)
                .allMatch(n -> n == 1);
        assertThat(skipped.size())
                .as("the other instance found the job locked at the ticks")
                .isGreaterThanOrEqualTo(3);
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("select locked_by from shedlock where name = ?")) {
            s.setString(1, JOB);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the job's lock row").isTrue();
                assertThat(rs.getString(1)).isIn("instance-a", "instance-b");
            }
        }
    }

    @Test
    @Order(3)
    void failedLoginsCountedOnALockTheAccountOnB() throws Exception {
        // an account of its own, so that the lock touches nothing else
        String admin = signIn(a, "admin", PASSWORD).orElseThrow();
        String csrf = csrf(get(a, "/profile", admin).body());
        HttpResponse<String> created = send(HttpRequest.newBuilder(a.uri("/api/v1/people"))
                .header("Cookie", "SESSION=" + admin)
                .header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"cluster-victim\",\"email\":\"victim@cluster.test\","
                                + "\"displayNameZh\":\"集群\",\"displayNameEn\":\"Cluster\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String oneTime = json(created.body(), "oneTimePassword");

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(a, "cluster-victim", "wrong-password-" + i)).isEmpty();
        }
        HttpResponse<String> refused = signInResponse(b, "cluster-victim", oneTime);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse(""))
                .as("B refuses the right password: the account is locked for this address")
                .endsWith("/login?error=locked");
    }

    @Test
    @Order(4)
    void killedInstanceAFreesNothingBGoesOnWithTheSession() throws Exception {
        String session = signIn(b, "admin", PASSWORD).orElseThrow();
        assertThat(get(a, "/api/v1/me", session).statusCode()).isEqualTo(200);
        a.kill();
        assertThat(a.isAlive()).isFalse();
        assertThat(get(b, "/api/v1/me", session).statusCode()).isEqualTo(200);
        assertThat(get(b, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    // --- HTTP with one explicit session cookie ---

    /** Signs in through the login form; the session cookie when it worked. */
    static Optional<String> signIn(Instance instance, String login, String password) throws Exception {
        HttpResponse<String> response = signInResponse(instance, login, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            return Optional.empty();
        }
        return sessionCookie(response);
    }

    static HttpResponse<String> signInResponse(Instance instance, String login, String password) throws Exception {
        HttpResponse<String> page = get(instance, "/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String session = sessionCookie(page).orElseThrow(() -> new AssertionError("no session cookie on /login"));
        return post(
                instance,
                "/login",
                session,
                Map.of("username", login, "password", password, "_csrf", csrf(page.body())));
    }

    static HttpResponse<String> get(Instance instance, String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return send(request);
    }

    static HttpResponse<String> post(Instance instance, String path, String session, Map<String, String> form)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .reduce((first, last) -> last);
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(field + " in " + body).isTrue();
        return m.group(1);
    }

    /** When the instance logged "scheduled job JOB <what>", within [from, to]. */
    static List<Instant> jobLines(Instance instance, String what, Instant from, Instant to) {
        String needle = "scheduled job " + JOB + " " + what;
        return instance.logText()
                .lines()
                .filter(line -> line.contains(needle))
                .map(LOG_TIME::matcher)
                .filter(Matcher::find)
                .map(m -> OffsetDateTime.parse(m.group(1)).toInstant())
                .filter(t -> !t.isBefore(from) && !t.isAfter(to))
                .toList();
    }
}
