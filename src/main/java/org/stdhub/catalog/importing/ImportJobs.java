package org.stdhub.catalog.importing;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.ImportJobState;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.StdHubProperties;
import org.stdhub.platform.SystemActor;
import org.stdhub.platform.UserFacingException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog import jobs inside the running platform. A file (JSON Lines, .gz, or a spreadsheet of the
 * {@link ImportTemplate}, converted on upload) is stored in the data directory and previewed on a background thread,
 * changing nothing; confirming applies that same file with {@link StandardImporter} (which tells watchers through
 * {@code CatalogUpdated}) — refused while another import runs, or when the catalog changed since the preview
 * ({@link CatalogMark}). The job's state machine is {@link ImportJobTransition}; every transition is one transaction
 * with its audit entry. A job a stop of the platform cut short is finished on the next start
 * ({@link #resumeInterrupted()}): the importer's batches are idempotent, so the file is applied again whole.
 */
@Component
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    static final String OBJECT_TYPE = "import-job";
    static final String ACTOR = "catalog-import";
    private static final String FOLDER = "catalog-imports";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ImportPreviewer previewer;
    private final StandardImporter importer;
    private final ImportRecovery recovery;
    private final CatalogMark mark;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path dataDir;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("catalog-import").factory());

    ImportJobs(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ImportPreviewer previewer,
            StandardImporter importer,
            ImportRecovery recovery,
            CatalogMark mark,
            ApplicationEventPublisher events,
            Clock clock,
            StdHubProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.previewer = previewer;
        this.importer = importer;
        this.recovery = recovery;
        this.mark = mark;
        this.events = events;
        this.clock = clock;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Whether to run the job's work on the background thread or on the caller's. */
    public enum Run {
        IN_BACKGROUND,
        NOW
    }

    // ---- the transitions

    /**
     * Stores the file and starts its preview. Refused (409) while another import previews or applies; a file of
     * another kind, or a spreadsheet whose columns are not the template's, is refused (400) before any job exists.
     */
    public ImportJobView upload(String fileName, byte[] content, String origin, Run run) {
        String name = plainName(fileName);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean spreadsheet = ImportTemplate.isSpreadsheet(name);
        if (!(lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson") || spreadsheet)) {
            throw new UserFacingException("catalog.import.error.format");
        }
        if (content == null || content.length == 0) {
            throw new UserFacingException("catalog.import.error.empty");
        }
        byte[] stored = content;
        String storedName = name;
        if (spreadsheet) {
            try {
                stored = ImportTemplate.toJsonLines(name, new ByteArrayInputStream(content))
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserFacingException("catalog.import.error.unreadable");
            }
            storedName = name + ".jsonl";
        }
        Path file = store(storedName, stored);
        String digest = digest(stored);
        String actor = actorName();
        long id;
        try {
            id = tx.execute(status -> {
                long created = insert(name, file, digest, origin, actor);
                events.publishEvent(StateChanged.of(OBJECT_TYPE, created, ImportJobTransition.UPLOAD.action)
                        .withChange("file", null, name)
                        .withChange("state", null, ImportJobState.PREVIEWING));
                return created;
            });
        } catch (DuplicateKeyException e) {
            deleteQuietly(file);
            throw busy();
        }
        if (run == Run.NOW) {
            runPreview(id);
        } else {
            executor.execute(() -> SystemActor.run(ACTOR, () -> runPreview(id)));
        }
        return get(id);
    }

    /** Reads the job's file against the catalog; marks it previewed (or failed, with the reason). */
    void runPreview(long id) {
        Job job = job(id);
        try (InputStream in = progress(job)) {
            String catalogMark = mark.now();
            ImportJobView.Preview preview =
                    previewer.preview(in, job.storedName().endsWith(".gz"), job.fileName());
            tx.executeWithoutResult(status -> {
                move(job, ImportJobTransition.PREVIEW_DONE, null);
                jdbc.update(
                        "update catalog_import_job set preview = ?, catalog_mark = ?, running_slot = null,"
                                + " progress_done = progress_total where id = ?",
                        json.writeValueAsString(preview),
                        catalogMark,
                        id);
                events.publishEvent(StateChanged.of(OBJECT_TYPE, id, ImportJobTransition.PREVIEW_DONE.action)
                        .withChange("state", job.state(), ImportJobState.PREVIEWED)
                        .withChange("inserted", null, preview.inserted())
                        .withChange("updated", null, preview.updated())
                        .withChange("unchanged", null, preview.unchanged())
                        .withChange("refused", null, preview.refused()));
            });
        } catch (IOException | RuntimeException e) {
            fail(job, e);
        }
    }

    /**
     * Applies a previewed job: refused (409) unless it is previewed, while another import runs, or when the catalog
     * changed since the preview (preview again by uploading the file anew).
     */
    public ImportJobView confirm(long id, Run run) {
        Job job = job(id);
        if (!ImportJobTransition.CONFIRM.allowedFrom(job.state())) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
        try {
            tx.executeWithoutResult(status -> {
                if (!Objects.equals(mark.now(), job.catalogMark())) {
                    throw new ConflictException("catalog.import.error.catalog-changed");
                }
                if (!digest(read(job.file())).equals(job.digest())) {
                    throw new ConflictException("catalog.import.error.file-changed");
                }
                move(job, ImportJobTransition.CONFIRM, 1);
                jdbc.update("update catalog_import_job set progress_done = 0 where id = ?", id);
                events.publishEvent(StateChanged.of(OBJECT_TYPE, id, ImportJobTransition.CONFIRM.action)
                        .withChange("state", job.state(), ImportJobState.APPLYING));
            });
        } catch (DuplicateKeyException e) {
            throw busy();
        }
        if (run == Run.NOW) {
            runApply(id, false);
        } else {
            executor.execute(() -> SystemActor.run(ACTOR, () -> runApply(id, false)));
        }
        return get(id);
    }

    /** Imports the job's file and marks it applied with its report. */
    void runApply(long id, boolean resumed) {
        Job job = job(id);
        ImportJobView.Preview preview = job.preview();
        try (InputStream in = progress(job)) {
            ImportReport done = importer.importStreams(
                    List.of(new StandardImporter.Source(in, job.fileName(), Files.size(job.file()))));
            // the catalog was held still since the preview: the preview's counts are what this import did (a
            // resumed import finds what it wrote before the stop unchanged, and counts it so)
            ImportJobView.Report report = new ImportJobView.Report(
                    done.batchId(),
                    done.read(),
                    resumed ? preview.inserted() : done.inserted(),
                    resumed ? preview.updated() : done.updated(),
                    resumed ? preview.unchanged() : done.unchanged(),
                    done.rejected(),
                    preview.statusChanges(),
                    preview.withdrawals(),
                    preview.newReplacementLinks(),
                    preview.refusedLines(),
                    resumed);
            tx.executeWithoutResult(status -> {
                move(job, ImportJobTransition.APPLY_DONE, null);
                jdbc.update(
                        "update catalog_import_job set report = ?, import_batch_id = ?, progress_done = progress_total"
                                + " where id = ?",
                        json.writeValueAsString(report),
                        done.batchId(),
                        id);
                events.publishEvent(StateChanged.of(OBJECT_TYPE, id, ImportJobTransition.APPLY_DONE.action)
                        .withChange("state", job.state(), ImportJobState.APPLIED)
                        .withChange("import", null, done.batchId())
                        .withChange("inserted", null, report.inserted())
                        .withChange("updated", null, report.updated())
                        .withChange("refused", null, report.refused())
                        .withChange("resumed", null, resumed));
            });
        } catch (IOException | RuntimeException e) {
            // what the importer committed is finished and told to watchers; the job says it failed, and why
            recovery.finishInterrupted();
            fail(job, e);
        }
    }

    /** Discards a previewed job (nothing was changed); its stored file is deleted. */
    public ImportJobView discard(long id) {
        Job job = job(id);
        if (!ImportJobTransition.DISCARD.allowedFrom(job.state())) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
        tx.executeWithoutResult(status -> {
            move(job, ImportJobTransition.DISCARD, null);
            events.publishEvent(StateChanged.of(OBJECT_TYPE, id, ImportJobTransition.DISCARD.action)
                    .withChange("state", job.state(), ImportJobState.DISCARDED));
        });
        deleteQuietly(job.file());
        return get(id);
    }

    private void fail(Job job, Exception e) {
        log.warn("catalog import job {} ({}) failed", job.id(), job.fileName(), e);
        String reason = e instanceof UserFacingException u ? u.messageKey() : String.valueOf(e.getMessage());
        tx.executeWithoutResult(status -> {
            ImportJobState now = job(job.id()).state();
            if (!ImportJobTransition.FAIL.allowedFrom(now)) {
                return;
            }
            jdbc.update(
                    "update catalog_import_job set state = ?, running_slot = null, failure = ?, updated_at = ?,"
                            + " version = version + 1 where id = ?",
                    ImportJobState.FAILED.name(),
                    truncate(e.getClass().getSimpleName() + ": " + reason, 1000),
                    Timestamp.from(clock.instant()),
                    job.id());
            events.publishEvent(StateChanged.of(OBJECT_TYPE, job.id(), ImportJobTransition.FAIL.action)
                    .withChange("state", now, ImportJobState.FAILED)
                    .withChange("reason", null, truncate(reason, 200)));
        });
    }

    /**
     * Finishes the jobs a stop of the platform cut short (after {@link ImportRecovery} finished their import
     * batches): an interrupted preview is made again, an interrupted import is applied again whole — what it had
     * written is found unchanged, the rest is written, and watchers are told of each change once. Returns their ids.
     */
    public List<Long> resumeInterrupted() {
        List<Long> running = jdbc.queryForList(
                "select id from catalog_import_job where state in ('PREVIEWING', 'APPLYING') order by id", Long.class);
        for (long id : running) {
            Job job = job(id);
            log.warn("catalog import job {} ({}) was cut short by a stop: {} again", id, job.fileName(), job.state());
            SystemActor.run(ACTOR, () -> {
                if (job.state() == ImportJobState.APPLYING) {
                    runApply(id, true);
                } else {
                    runPreview(id);
                }
            });
        }
        return running;
    }

    // ---- reading

    public ImportJobView get(long id) {
        return job(id).view(json);
    }

    /** The latest jobs, newest first (without their previews and reports). */
    public List<ImportJobView> recent(int limit) {
        return jdbc.query(
                "select * from catalog_import_job order by id desc fetch first " + Math.max(1, limit) + " rows only",
                (rs, n) -> Job.of(rs, dataDir).summary());
    }

    /** The job previewing or applying now, if any. */
    public Optional<Long> running() {
        return jdbc
                .queryForList("select id from catalog_import_job where running_slot is not null", Long.class)
                .stream()
                .findFirst();
    }

    // ---- the job row

    /** A row of {@code catalog_import_job}. */
    record Job(
            long id,
            String fileName,
            Path file,
            String digest,
            String origin,
            ImportJobState state,
            String requestedBy,
            String catalogMark,
            long progressDone,
            long progressTotal,
            String previewJson,
            String reportJson,
            String failure,
            java.time.Instant createdAt,
            java.time.Instant updatedAt) {

        static Job of(ResultSet rs, Path dataDir) throws SQLException {
            return new Job(
                    rs.getLong("id"),
                    rs.getString("file_name"),
                    dataDir.resolve(rs.getString("stored_file")),
                    rs.getString("file_digest"),
                    rs.getString("origin"),
                    ImportJobState.valueOf(rs.getString("state")),
                    rs.getString("requested_by"),
                    rs.getString("catalog_mark"),
                    rs.getLong("progress_done"),
                    rs.getLong("progress_total"),
                    rs.getString("preview"),
                    rs.getString("report"),
                    rs.getString("failure"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant());
        }

        String storedName() {
            return file.getFileName().toString();
        }

        ImportJobView.Preview preview() {
            return previewJson == null
                    ? null
                    : JsonMapper.builder().build().readValue(previewJson, ImportJobView.Preview.class);
        }

        int percent() {
            if (state == ImportJobState.PREVIEWED || state.ended()) {
                return 100;
            }
            return progressTotal <= 0 ? 0 : (int) Math.min(99, progressDone * 100 / progressTotal);
        }

        ImportJobView view(JsonMapper json) {
            return new ImportJobView(
                    id,
                    fileName,
                    origin,
                    state,
                    requestedBy,
                    createdAt,
                    updatedAt,
                    percent(),
                    failure,
                    previewJson == null ? null : json.readValue(previewJson, ImportJobView.Preview.class),
                    reportJson == null ? null : json.readValue(reportJson, ImportJobView.Report.class));
        }

        ImportJobView summary() {
            return new ImportJobView(
                    id, fileName, origin, state, requestedBy, createdAt, updatedAt, percent(), failure, null, null);
        }
    }

    Job job(long id) {
        return jdbc.query("select * from catalog_import_job where id = ?", (rs, n) -> Job.of(rs, dataDir), id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("catalog.import.error.not-found", id));
    }

    /** Moves the job along {@code t}, from the state it was read in; {@code slot} 1 holds the one import slot. */
    private void move(Job job, ImportJobTransition t, Integer slot) {
        if (!t.allowedFrom(job.state())) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
        int moved = jdbc.update(
                "update catalog_import_job set state = ?, running_slot = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and state = ?",
                t.to.name(),
                slot,
                Timestamp.from(clock.instant()),
                job.id(),
                job.state().name());
        if (moved != 1) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
    }

    private long insert(String name, Path file, String digest, String origin, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        long size = size(file);
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "insert into catalog_import_job (file_name, stored_file, file_digest, origin, state,"
                                    + " running_slot, requested_by, progress_total, created_at, updated_at)"
                                    + " values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, truncate(name, 300));
                    ps.setString(2, dataDir.relativize(file).toString());
                    ps.setString(3, digest);
                    ps.setString(4, origin);
                    ps.setString(5, ImportJobTransition.UPLOAD.to.name());
                    ps.setString(6, truncate(actor, 200));
                    ps.setLong(7, size);
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                    return ps;
                },
                key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private ConflictException busy() {
        return new ConflictException(
                "catalog.import.error.busy", running().map(String::valueOf).orElse("?"));
    }

    private static String actorName() {
        Optional<String> system = SystemActor.current();
        if (system.isPresent()) {
            return system.get();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? SystemActor.SYSTEM : auth.getName();
    }

    // ---- the stored file and its progress

    private Path store(String name, byte[] content) {
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConflictException("catalog.import.error.file-changed");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
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

    /** The job's file, its bytes read counted into the job's progress (written at most twice a second). */
    private InputStream progress(Job job) throws IOException {
        jdbc.update("update catalog_import_job set progress_done = 0 where id = ?", job.id());
        return new FilterInputStream(Files.newInputStream(job.file())) {
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
                    jdbc.update("update catalog_import_job set progress_done = ? where id = ?", count, job.id());
                }
            }
        };
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
