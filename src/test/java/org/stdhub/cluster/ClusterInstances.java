package org.stdhub.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Real StdHub instances for integration tests: {@code target/stdhub.jar} started as separate JVM processes (Java 25,
 * the jar's usual JVM flags, a small heap) on free loopback ports, each with a data directory of its own (unless the
 * arguments name one: {@code --stdhub.data-dir=…}) and its log in {@code WORKDIR/NAME.log}. {@link #start} waits until the instance reports ready ({@code
 * /actuator/health/readiness} is 200); an instance that exits or does not get ready in time fails the test with the
 * tail of its log — never a skip. {@link Instance#kill()} is {@code kill -9}; {@link #close()} kills whatever still
 * runs.
 *
 * <p>Reusable by any {@code *IT} (failsafe runs them after {@code package}): extra arguments and environment
 * variables per instance, e.g. a profile, a database or a search cluster's address.
 */
public final class ClusterInstances implements AutoCloseable {

    /** How long an instance may take to report ready. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private static final String DEFAULT_JVM_ARGS =
            "--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector";

    private final Path jar;
    private final Path workDir;
    private final List<Instance> instances = new ArrayList<>();
    private String heap = "384m";

    /** Instances of {@code target/stdhub.jar} (or system property {@code stdhub.jar}), working in {@code workDir}. */
    public ClusterInstances(Path workDir) {
        this.jar =
                Path.of(System.getProperty("stdhub.jar", "target/stdhub.jar")).toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no " + jar + ": integration tests run after `package` (mvn -B verify), which builds it");
        }
        try {
            Files.createDirectories(this.workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest heap of each instance started after this ({@code -Xmx}), {@code 384m} unless changed. */
    public ClusterInstances heap(String heap) {
        this.heap = heap;
        return this;
    }

    /** Starts instance {@code name} with these application arguments and waits until it is ready. */
    public Instance start(String name, List<String> args) {
        return start(name, args, Map.of());
    }

    /** Starts instance {@code name} with these application arguments and environment and waits until it is ready. */
    public Instance start(String name, List<String> args, Map<String, String> env) {
        Instance instance = launch(name, args, env);
        instance.awaitReady(READY_TIMEOUT);
        return instance;
    }

    /** Starts the instance without waiting; {@link Instance#awaitReady(Duration)} waits. */
    public Instance launch(String name, List<String> args, Map<String, String> env) {
        int port = freePort();
        // a data directory of its own unless the arguments name one (instances sharing uploaded files)
        Path dataDir = args.stream()
                .filter(a -> a.startsWith("--stdhub.data-dir="))
                .map(a -> Path.of(a.substring("--stdhub.data-dir=".length())))
                .findFirst()
                .orElse(workDir.resolve(name + "-data"));
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(Arrays.asList(
                System.getProperty("stdhub.jvm.args", DEFAULT_JVM_ARGS).trim().split("\\s+")));
        command.add("-Xmx" + heap);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        if (args.stream().noneMatch(a -> a.startsWith("--stdhub.data-dir="))) {
            command.add("--stdhub.data-dir=" + dataDir);
        }
        command.add("--stdhub.base-url=http://127.0.0.1:" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(log, "# " + String.join(" ", command) + "\n");
            Instance instance = new Instance(name, port, log, builder.start());
            instances.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("instance " + name + " could not be started", e);
        }
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** Kills ({@code kill -9}) every instance still running. */
    @Override
    public void close() {
        instances.forEach(Instance::kill);
    }

    /** Java 25 from {@code /usr/lib/jvm/temurin-25*}, else the Java running this test. */
    static Path java() {
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            Optional<Path> temurin = jvms.filter(p -> p.getFileName().toString().startsWith("temurin-25"))
                    .map(p -> p.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .max(Comparator.naturalOrder());
            if (temurin.isPresent()) {
                return temurin.get();
            }
        } catch (IOException e) {
            // no /usr/lib/jvm: the running Java
        }
        return Path.of(ProcessHandle.current().info().command().orElse("java"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One running StdHub process. */
    public static final class Instance {

        private static final HttpClient HTTP = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        private final String name;
        private final int port;
        private final Path log;
        private final Process process;

        Instance(String name, int port, Path log, Process process) {
            this.name = name;
            this.port = port;
            this.log = log;
            this.process = process;
        }

        public String name() {
            return name;
        }

        public int port() {
            return port;
        }

        /** {@code http://127.0.0.1:PORT} */
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        public URI uri(String path) {
            return URI.create(baseUrl() + path);
        }

        public Path log() {
            return log;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits until {@code /actuator/health/readiness} answers 200; fails with the log's tail otherwise. */
        public void awaitReady(Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("instance " + name + " exited with code " + process.exitValue()
                            + " before it was ready; the end of " + log + ":\n" + logTail(80));
                }
                try {
                    HttpResponse<Void> response = HTTP.send(
                            HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for instance " + name, e);
                }
                sleep(Duration.ofMillis(500));
            }
            kill();
            throw new AssertionError("instance " + name + " was not ready within " + timeout + "; the end of " + log
                    + ":\n" + logTail(80));
        }

        /** {@code kill -9}: the process ends at once, nothing is shut down in order. */
        public void kill() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The log so far. */
        public String logText() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The last {@code lines} lines of the log. */
        public String logTail(int lines) {
            List<String> all = logText().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }

        @Override
        public String toString() {
            return name + " (" + baseUrl() + ", pid " + process.pid() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
