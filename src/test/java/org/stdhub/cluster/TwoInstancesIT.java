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
import java.sql.SQLException;
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
import org.stdhub.search.OpenSearchNode;

/**
 * Two real StdHub instances ({@code target/stdhub.jar}, profile {@code cluster}) over one PostgreSQL schema and one
 * real OpenSearch cluster of two nodes ({@link OpenSearchNode#startCluster}; the catalog index with one replica, so
 * each node holds every document): a session made by signing in on A works on B (same cookie) and ends on both when
 * it ends on one; a scheduled job runs once per tick across both (ShedLock); failed logins counted on A lock the
 * account on B; a standard added through A is found by the search through B within seconds (the outbox and the
 * agents; the delay is printed); A killed with {@code kill -9} in the middle of a catalog import, B takes the import
 * over and finishes it (every record once in the table and in the index: {@code _count} equals the table's count) and
 * goes on serving the session. The instances share their data directory (uploaded files, as on a shared volume). A
 * node or an instance that does not start fails the test with the end of its log, never a skip.
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

    /** The catalog index of both instances, as Hibernate Search names it (the alias it reads through). */
    private static final String INDEX = "standard-read";

    static List<OpenSearchNode> search;
    static ClusterDatabase database;
    static ClusterInstances cluster;
    static Instance a;
    static Instance b;

    @BeforeAll
    static void startTwoInstances() {
        // the search cluster first: two nodes on loopback, each cluster-manager eligible, joined (health green)
        search = OpenSearchNode.startCluster("cluster-it", 2);
        database = ClusterDatabase.fresh("cluster_it");
        Path work = Path.of("target/cluster-it").toAbsolutePath();
        cluster = new ClusterInstances(work);
        List<String> args = new ArrayList<>(database.args());
        args.addAll(List.of(
                "--stdhub.data-dir=" + work.resolve("shared-data"),
                // an import whose instance died is taken over 10 s after its last heartbeat, looked for every 2 s
                "--stdhub.catalog.import-stale-after=10s",
                "--stdhub.catalog.import-takeover-poll=2s",
                "--spring.profiles.active=cluster",
                "--stdhub.seed.enabled=false",
                "--stdhub.demo.enabled=false",
                "--stdhub.admin.password=" + PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                // the deadline job every 2 s, each run holding its lock 1.5 s at least: one run per tick
                "--stdhub.development.deadline-cron=*/2 * * * * *",
                "--stdhub.scheduling.lock-at-least-for=PT1.5S",
                "--logging.level.org.stdhub.platform.SchedulerLocks=debug"));
        // both started at once on the new schema: one migrates it (Flyway's lock) and does the start-up work (the
        // administrator…) while the other waits for it (ClusterStartup), then finds it done. Each knows both nodes,
        // A the first one first, B the second one first.
        a = cluster.launch("a", args, Map.of("STDHUB_INSTANCE_NAME", "instance-a", "STDHUB_SEARCH_HOSTS", hosts(0, 1)));
        b = cluster.launch("b", args, Map.of("STDHUB_INSTANCE_NAME", "instance-b", "STDHUB_SEARCH_HOSTS", hosts(1, 0)));
        // they take turns for Flyway, Hibernate's start (the search index) and the start-up work: twice the time of one
        a.awaitReady(ClusterInstances.READY_TIMEOUT.multipliedBy(2));
        b.awaitReady(ClusterInstances.READY_TIMEOUT.multipliedBy(2));
    }

    /** {@code STDHUB_SEARCH_HOSTS} naming the nodes in this order. */
    static String hosts(int... nodes) {
        return java.util.Arrays.stream(nodes)
                .mapToObj(i -> search.get(i).hostAndPort())
                .collect(java.util.stream.Collectors.joining(","));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
        OpenSearchNode.closeAll(search);
    }

    @Test
    @Order(0)
    void startedTogetherTheyCreatedOneAdministrator() throws Exception {
        assertThat(count("select count(*) from person where login = 'admin'")).isEqualTo(1);
        assertThat(a.logText() + b.logText()).contains("does its start-up work");
    }

    @Test
    @Order(0)
    void bothInstancesShareOneSearchClusterOfTwoNodes() throws Exception {
        String health = search.getFirst().get("/_cluster/health");
        assertThat(number(health, "number_of_nodes")).as(health).isEqualTo("2");
        assertThat(json(health, "status")).as(health).isIn("green", "yellow");
        // the index the instances made (Hibernate Search, at start): one primary, one replica, on the two nodes
        String shards = search.getFirst().get("/_cat/shards/" + INDEX + "?h=prirep,state,node");
        List<String[]> copies = shards.lines()
                .filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+"))
                .toList();
        assertThat(copies).as(shards).hasSize(2).allMatch(c -> c[1].equals("STARTED"));
        assertThat(copies.stream().map(c -> c[0])).as(shards).containsExactlyInAnyOrder("p", "r");
        assertThat(copies.stream().map(c -> c[2]))
                .as("a copy on each node: " + shards)
                .containsExactlyInAnyOrder(search.get(0).name(), search.get(1).name());
        String settings = search.get(1).get("/" + INDEX + "/_settings");
        assertThat(json(settings, "number_of_replicas")).as(settings).isEqualTo("1");
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

        // a page's one-time message (a flash attribute, in the session) made on A is shown on B
        String profileCsrf = csrf(get(a, "/profile", session).body());
        HttpResponse<String> token = post(
                a,
                "/profile/tokens",
                session,
                Map.of("name", "cluster", "scopes", "read", "validDays", "30", "_csrf", profileCsrf));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(302);
        assertThat(get(b, "/profile", session).body())
                .as("the new token's secret, shown once, on B")
                .contains("id=\"issued-token\"");

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
    void aStandardAddedThroughAIsFoundThroughBWithinSeconds() throws Exception {
        String session = signIn(a, "admin", PASSWORD).orElseThrow();
        String csrf = csrf(get(a, "/profile", session).body());
        String designation = "DB41/T 9811-2026";
        HttpResponse<String> added = send(HttpRequest.newBuilder(a.uri("/api/v1/standards"))
                .header("Cookie", "SESSION=" + session)
                .header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"designation\":\"" + designation + "\","
                        + "\"titleZh\":\"集群检索同步试验规范\",\"titleEn\":\"Cluster search propagation trial\","
                        + "\"status\":\"current\",\"published\":\"2026-01-01\","
                        + "\"reason\":\"two-instance test: made on A, searched on B\"}")));
        Instant made = Instant.now();
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        // B answers from the shared index as soon as an agent (A's or B's) has indexed the outbox event
        Duration delay = awaitFound(b, "Cluster search propagation trial", designation, Duration.ofSeconds(30));
        System.out.printf(
                "TwoInstancesIT: a standard added through A was found by the search through B %d ms after A answered"
                        + " (%d ms of polling)%n",
                Duration.between(made, Instant.now()).toMillis(), delay.toMillis());
        // each copy of the shard (primary and replica, on different nodes) refreshes on its own second: the next
        // searches may land on the copy that has not refreshed yet, so they wait as the first one did
        awaitFound(b, "集群检索同步", designation, Duration.ofSeconds(10));
        awaitFound(b, "db41t9811", designation, Duration.ofSeconds(10));
        awaitFound(a, "propagation trial", designation, Duration.ofSeconds(10));
        // the agent deletes the event in the transaction after the one that indexed it
        awaitOutboxEmpty(Duration.ofSeconds(30));
    }

    /** Waits until no change waits in Hibernate Search's outbox (none pending, none given up on). */
    static void awaitOutboxEmpty(Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        long left = count("select count(*) from hsearch_outbox_event");
        while (left > 0 && Instant.now().isBefore(deadline)) {
            ClusterInstances.sleep(Duration.ofMillis(200));
            left = count("select count(*) from hsearch_outbox_event");
        }
        assertThat(left).as("changes left in the outbox after " + timeout).isZero();
    }

    /** Searches through the instance until {@code designation} is a hit; how long that took. */
    static Duration awaitFound(Instance instance, String q, String designation, Duration timeout) throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = searchBody(instance, q);
            body = response.body();
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            if (body.contains("\"" + designation + "\"")) {
                return Duration.between(start, Instant.now());
            }
            ClusterInstances.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError(designation + " not found by \"" + q + "\" through " + instance + " within " + timeout
                + ": " + body + "\n" + instance.logTail(40));
    }

    static HttpResponse<String> searchBody(Instance instance, String q) throws Exception {
        return get(instance, "/api/v1/standards/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    }

    /** Documents in the catalog index, as OpenSearch counts them (after a refresh: what a search would see). */
    static long indexCount() {
        search.getFirst().post("/" + INDEX + "/_refresh");
        String body = search.get(1).get("/" + INDEX + "/_count");
        return Long.parseLong(number(body, "count"));
    }

    @Test
    @Order(5)
    void anImportWhoseInstanceIsKilledIsFinishedByTheOtherEveryRecordOnce() throws Exception {
        String session = signIn(a, "admin", PASSWORD).orElseThrow();
        String csrf = csrf(get(a, "/profile", session).body());
        int records = 20_000;
        HttpResponse<String> uploaded =
                send(multipart(a, "/api/v1/catalog/imports", session, csrf, "cluster.jsonl.gz", catalogFile(records)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        long job = Long.parseLong(number(uploaded.body(), "id"));
        awaitState(a, session, job, "PREVIEWED", Duration.ofMinutes(3));

        HttpResponse<String> confirmed =
                send(HttpRequest.newBuilder(a.uri("/api/v1/catalog/imports/" + job + "/confirm"))
                        .header("Cookie", "SESSION=" + session)
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
        // in the middle of applying: some records written, not all
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long written = 0;
        while (Instant.now().isBefore(deadline)) {
            written = count("select count(*) from standard where source = 'test:cluster-it'");
            if (written > 0) {
                break;
            }
            ClusterInstances.sleep(Duration.ofMillis(20));
        }
        a.kill();
        long atKill = count("select count(*) from standard where source = 'test:cluster-it'");
        assertThat(atKill).as("A was killed in the middle of the import").isBetween(1L, records - 1L);
        assertThat(count("select count(*) from catalog_import_job where id = " + job + " and state = 'APPLYING'"))
                .isEqualTo(1);

        String onB = signIn(b, "admin", PASSWORD).orElseThrow();
        String report = awaitState(b, onB, job, "APPLIED", Duration.ofMinutes(8));
        assertThat(report).contains("\"resumed\":true");
        assertThat(count("select count(*) from standard where source = 'test:cluster-it'"))
                .as("every record of the file, once")
                .isEqualTo(records);
        assertThat(count("select count(distinct designation) from standard where source = 'test:cluster-it'"))
                .isEqualTo(records);
        assertThat(count("select count(*) from catalog_import_job where id = " + job + " and runner = 'instance-b'"))
                .as("B ran it to the end")
                .isEqualTo(1);
        assertThat(b.logText()).contains("catalog import job " + job);

        // and in the search index: every standard of the table once, nothing left in the outbox (the job is applied
        // once the agents have indexed what it wrote; A's events are B's once A's agent has expired)
        awaitOutboxEmpty(Duration.ofSeconds(30));
        long standards = count("select count(*) from standard");
        assertThat(indexCount())
                .as("OpenSearch holds every standard of the table, once")
                .isEqualTo(standards);
        assertThat(standards).isEqualTo(records + 1L);
        // the first record (written by A before it died) and the last (written by B) are found through B
        awaitFound(b, "ISO 900000:2020", "ISO 900000:2020", Duration.ofSeconds(5));
        awaitFound(
                b,
                "ISO " + (900_000 + records - 1) + ":2020",
                "ISO " + (900_000 + records - 1) + ":2020",
                Duration.ofSeconds(5));

        // and the session made on B before goes on there, A gone
        assertThat(a.isAlive()).isFalse();
        assertThat(get(b, "/api/v1/me", onB).statusCode()).isEqualTo(200);
        assertThat(get(b, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    /** {@code records} ISO standards of their own (numbers from 900000), as a gzipped JSON Lines file. */
    static byte[] catalogFile(int records) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out =
                new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            for (int i = 0; i < records; i++) {
                out.write("{\"id_raw\":\"ISO " + (900_000 + i) + ":2020\",\"body\":\"ISO\",\"publisher\":\"ISO\","
                        + "\"doctype\":\"international-standard\",\"title_zh\":null,"
                        + "\"title_en\":\"Cluster take-over test standard " + i + "\",\"status\":\"current\","
                        + "\"status_raw\":\"60.60\",\"published\":\"2020-01\",\"implemented\":null,\"withdrawn\":null,"
                        + "\"replaces\":[],\"replaced_by\":[],\"amended_by\":[],\"ics\":[\"01.040.01\"],\"ccs\":[],"
                        + "\"adoption\":[],\"tc\":\"ISO/TC 1\",\"source\":\"test:cluster-it\"}\n");
            }
        }
        return bytes.toByteArray();
    }

    /** Polls the job on the instance until it is in {@code state}; its JSON. */
    static String awaitState(Instance instance, String session, long job, String state, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(instance, "/api/v1/catalog/imports/" + job, session);
            body = response.body();
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            if (body.contains("\"state\":\"" + state + "\"")) {
                return body;
            }
            assertThat(body).as("the job did not fail").doesNotContain("\"state\":\"FAILED\"");
            ClusterInstances.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("job " + job + " not " + state + " within " + timeout + " on " + instance + ": " + body
                + "\n" + instance.logTail(40));
    }

    static long count(String sql) throws SQLException {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpRequest.Builder multipart(
            Instance instance, String path, String session, String csrf, String fileName, byte[] content) {
        String boundary = "----stdhub-cluster-it";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/gzip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(instance.uri(path))
                .header("Cookie", "SESSION=" + session)
                .header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)));
    }

    static String number(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(m.find()).as(field + " in " + body).isTrue();
        return m.group(1);
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
