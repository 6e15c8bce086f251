package org.stdhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for tests, started from the distribution that Maven unpacks under
 * {@code target/opensearch/} (with the analysis-common, reindex and smartcn plugins laid out in its {@code plugins/};
 * see the pom). It runs as a non-root user (OpenSearch refuses root: as root, the user {@value #USER} is created when
 * missing and the node's directories are given to it), on the machine's Java 17 (OpenSearch 2.x needs the security
 * manager, which Java 24 and later no longer have), on loopback and free ports, with a small heap and no security
 * plugin. A node that cannot start is an error with the end of its log, never a skipped test.
 *
 * <p>{@link #single} is a single-node cluster per name and test JVM, stopped when the JVM ends; {@link #startCluster} starts nodes
 * that form one cluster.
 */
public final class OpenSearchNode implements AutoCloseable {

    /** The user the node runs as when the tests run as root. */
    public static final String USER = "opensearch";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final java.util.Map<String, OpenSearchNode> SINGLE = new java.util.HashMap<>();

    private final String name;
    private final Path dir;
    private final int httpPort;
    private final int transportPort;
    private Process process;

    private OpenSearchNode(String name, Path dir, int httpPort, int transportPort) {
        this.name = name;
        this.dir = dir;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /**
     * The single-node cluster of this name in this test JVM, started on first use and stopped when the JVM ends. Each
     * application context that creates its own indexes takes a node of its own (index names are the mapping's).
     */
    public static synchronized OpenSearchNode single(String name) {
        return SINGLE.computeIfAbsent(name, n -> {
            OpenSearchNode node = create(n, freePort(), freePort());
            node.start(List.of("-Ecluster.name=" + n, "-Ediscovery.type=single-node"));
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "opensearch-" + n + "-stop"));
            return node;
        });
    }

    /** Starts {@code count} nodes forming one cluster (each may be cluster manager); waits for them to join. */
    public static List<OpenSearchNode> startCluster(String clusterName, int count) {
        List<OpenSearchNode> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(create(clusterName + "-" + i, freePort(), freePort()));
        }
        String seeds = nodes.stream().map(n -> "127.0.0.1:" + n.transportPort).collect(Collectors.joining(","));
        String managers = nodes.stream().map(n -> n.name).collect(Collectors.joining(","));
        try {
            for (OpenSearchNode node : nodes) {
                node.launch(List.of(
                        "-Ecluster.name=" + clusterName,
                        "-Ediscovery.seed_hosts=" + seeds,
                        "-Ecluster.initial_cluster_manager_nodes=" + managers));
            }
            for (OpenSearchNode node : nodes) {
                node.awaitHealth("wait_for_nodes=" + count + "&wait_for_status=green");
            }
        } catch (RuntimeException e) {
            // none left behind: the caller gets the error, not the nodes
            nodes.forEach(OpenSearchNode::close);
            throw e;
        }
        return nodes;
    }

    /** Stops the nodes, each in turn (the ones already stopped, or never started, are skipped). */
    public static void closeAll(List<OpenSearchNode> nodes) {
        if (nodes != null) {
            nodes.forEach(OpenSearchNode::close);
        }
    }

    public String name() {
        return name;
    }

    /** {@code host:port} of the node's HTTP interface, as {@code STDHUB_SEARCH_HOSTS} takes it. */
    public String hostAndPort() {
        return "127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** GET on the node (a path such as {@code /_cat/indices}); the body. */
    public String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + hostAndPort() + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST without a body on the node (a path such as {@code /index/_refresh}); the body of the answer. */
    public String post(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + hostAndPort() + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OpenSearchNode create(String name, int httpPort, int transportPort) {
        Path dir = Path.of("target", "test-data", "opensearch", name).toAbsolutePath();
        return new OpenSearchNode(name, dir, httpPort, transportPort);
    }

    private void start(List<String> settings) {
        launch(settings);
        awaitHealth("wait_for_status=yellow");
    }

    private void launch(List<String> settings) {
        Path home = home();
        Path java = java17();
        try {
            deleteRecursively(dir);
            Path config = Files.createDirectories(dir.resolve("config"));
            Path data = Files.createDirectories(dir.resolve("data"));
            Path logs = Files.createDirectories(dir.resolve("logs"));
            Files.writeString(config.resolve("opensearch.yml"), "# settings are given on the command line\n");
            Files.copy(home.resolve("config/log4j2.properties"), config.resolve("log4j2.properties"));
            // the distribution's JVM options, with its paths relative to the home made the node's own
            List<String> options = new ArrayList<>();
            for (String line : Files.readAllLines(home.resolve("config/jvm.options"))) {
                if (line.matches("-Xm[sx]\\S+")) {
                    continue;
                }
                options.add(line.replace("=data", "=" + data).replace("logs/", logs + "/"));
            }
            Files.write(config.resolve("jvm.options"), options);
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                ensureUser();
                run("chown", "-R", USER + ":" + USER, dir.toString());
                command.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups"));
            }
            command.add(home.resolve("bin/opensearch").toString());
            command.add("-Enode.name=" + name);
            command.add("-Enetwork.host=127.0.0.1");
            command.add("-Ehttp.port=" + httpPort);
            command.add("-Etransport.port=" + transportPort);
            command.add("-Epath.data=" + data);
            command.add("-Epath.logs=" + logs);
            command.add("-Ecluster.routing.allocation.disk.threshold_enabled=false");
            command.addAll(settings);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile());
            builder.environment().put("OPENSEARCH_JAVA_HOME", java.toString());
            builder.environment().put("OPENSEARCH_PATH_CONF", config.toString());
            builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
            builder.environment().remove("JAVA_HOME");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("OpenSearch node " + name + " could not be started: " + e.getMessage(), e);
        }
    }

    private void awaitHealth(String condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://" + hostAndPort() + "/_cluster/health?timeout=1s&" + condition);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted");
            }
            sleep(500);
        }
        close();
        throw failure("did not answer " + health + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException("OpenSearch node " + name + " (" + dir + ") " + what + "; its log ends with:\n"
                + tail(dir.resolve("console.log"), 40));
    }

    /** The unpacked distribution: {@code -Dopensearch.home}, or the one under {@code target/opensearch}. */
    static Path home() {
        String configured = System.getProperty("opensearch.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path unpacked = Path.of("target", "opensearch").toAbsolutePath();
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("opensearch-")
                            && Files.isExecutable(p.resolve("bin/opensearch")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OpenSearch distribution in " + unpacked));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no OpenSearch distribution in " + unpacked
                            + " (Maven unpacks it in generate-test-resources: mvn -B generate-test-resources)",
                    e);
        }
    }

    /** OPENSEARCH_JAVA_HOME when set, else the machine's Java 17 under /usr/lib/jvm. */
    static Path java17() {
        String configured = System.getenv("OPENSEARCH_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> p.getFileName().toString().matches("(java-17-openjdk|temurin-17).*")
                            && Files.isExecutable(p.resolve("bin/java")))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "OpenSearch 2.x needs Java 17 (apt-get install openjdk-17-jre-headless), none found in"
                                    + " /usr/lib/jvm; or set OPENSEARCH_JAVA_HOME"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static synchronized void ensureUser() {
        if (run("id", "-u", USER) != 0
                && run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER) != 0) {
            throw new IllegalStateException("cannot create the user " + USER + " to run OpenSearch as");
        }
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
