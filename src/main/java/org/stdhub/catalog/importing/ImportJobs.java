package org.stdhub.catalog.importing;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.ImportJobState;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.platform.ClusterNode;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.StateChanged;
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

    private final TransactionTemplate tx;
    private final ImportJobTable table;
    private final ImportFiles files;
    private final ImportPreviewer previewer;
    private final StandardImporter importer;
    private final ImportRecovery recovery;
    private final CatalogMark mark;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("catalog-import").factory());
    private final ClusterNode node;
    private final Clock clock;
    private final Duration staleAfter;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("catalog-import-heartbeat").factory());

    ImportJobs(
            TransactionTemplate tx,
            ImportJobTable table,
            ImportFiles files,
            ImportPreviewer previewer,
            StandardImporter importer,
            ImportRecovery recovery,
            CatalogMark mark,
            ApplicationEventPublisher events,
            ClusterNode node,
            Clock clock,
            @Value("${stdhub.catalog.import-stale-after:1m}") Duration staleAfter) {
        this.tx = tx;
        this.table = table;
        this.files = files;
        this.previewer = previewer;
        this.importer = importer;
        this.recovery = recovery;
        this.mark = mark;
        this.events = events;
        this.node = node;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        heartbeats.shutdownNow();
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
        String name = ImportFiles.plainName(fileName);
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
        Path file = files.store(storedName, stored);
        String digest = ImportFiles.digest(stored);
        String actor = actorName();
        long id;
        try {
            id = tx.execute(status -> {
                long created = table.insert(name, file, digest, origin, actor);
                events.publishEvent(StateChanged.of(OBJECT_TYPE, created, ImportJobTransition.UPLOAD.action)
                        .withChange("file", null, name)
                        .withChange("state", null, ImportJobState.PREVIEWING));
                return created;
            });
        } catch (DuplicateKeyException e) {
            ImportFiles.deleteQuietly(file);
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
        ImportJobTable.Job job = table.job(id);
        try (Heartbeat beat = heartbeat(id);
                InputStream in = progress(job)) {
            String catalogMark = mark.now();
            ImportJobView.Preview preview =
                    previewer.preview(in, job.storedName().endsWith(".gz"), job.fileName());
            tx.executeWithoutResult(status -> {
                table.move(job, ImportJobTransition.PREVIEW_DONE, null);
                table.previewed(id, json.writeValueAsString(preview), catalogMark);
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
        ImportJobTable.Job job = table.job(id);
        if (!ImportJobTransition.CONFIRM.allowedFrom(job.state())) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
        try {
            tx.executeWithoutResult(status -> {
                if (!Objects.equals(mark.now(), job.catalogMark())) {
                    throw new ConflictException("catalog.import.error.catalog-changed");
                }
                if (!ImportFiles.digest(ImportFiles.read(job.file())).equals(job.digest())) {
                    throw new ConflictException("catalog.import.error.file-changed");
                }
                table.move(job, ImportJobTransition.CONFIRM, 1);
                table.progress(id, 0);
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
        ImportJobTable.Job job = table.job(id);
        ImportJobView.Preview preview = job.preview();
        try (Heartbeat beat = heartbeat(id);
                InputStream in = progress(job)) {
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
                table.move(job, ImportJobTransition.APPLY_DONE, null);
                table.applied(id, json.writeValueAsString(report), done.batchId());
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
        ImportJobTable.Job job = table.job(id);
        if (!ImportJobTransition.DISCARD.allowedFrom(job.state())) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
        tx.executeWithoutResult(status -> {
            table.move(job, ImportJobTransition.DISCARD, null);
            events.publishEvent(StateChanged.of(OBJECT_TYPE, id, ImportJobTransition.DISCARD.action)
                    .withChange("state", job.state(), ImportJobState.DISCARDED));
        });
        ImportFiles.deleteQuietly(job.file());
        return get(id);
    }

    private void fail(ImportJobTable.Job job, Exception e) {
        log.warn("catalog import job {} ({}) failed", job.id(), job.fileName(), e);
        String reason = e instanceof UserFacingException u ? u.messageKey() : String.valueOf(e.getMessage());
        tx.executeWithoutResult(status -> {
            ImportJobState now = table.job(job.id()).state();
            if (!ImportJobTransition.FAIL.allowedFrom(now)) {
                return;
            }
            table.failed(job.id(), e.getClass().getSimpleName() + ": " + reason);
            events.publishEvent(StateChanged.of(OBJECT_TYPE, job.id(), ImportJobTransition.FAIL.action)
                    .withChange("state", now, ImportJobState.FAILED)
                    .withChange("reason", null, ImportJobTable.truncate(reason, 200)));
        });
    }

    /**
     * Finishes the jobs a stop of the platform cut short (after {@link ImportRecovery} finished their import
     * batches): an interrupted preview is made again, an interrupted import is applied again whole — what it had
     * written is found unchanged, the rest is written, and watchers are told of each change once. Returns their ids.
     *
     * <p>On a single instance every job found previewing or applying at start was cut short. Over several instances
     * ({@link ClusterNode#clustered()}) only a job whose heartbeat stopped ({@code stdhub.catalog.import-stale-after}
     * ago) is: it is claimed first, so that one instance alone takes it over.
     */
    public List<Long> resumeInterrupted() {
        Instant staleBefore = staleBefore();
        List<Long> resumed = new ArrayList<>();
        for (long id : table.cutShort(staleBefore)) {
            if (!table.claim(id, staleBefore)) {
                continue;
            }
            resumed.add(id);
            ImportJobTable.Job job = table.job(id);
            log.warn("catalog import job {} ({}) was cut short by a stop: {} again", id, job.fileName(), job.state());
            SystemActor.run(ACTOR, () -> {
                if (job.state() == ImportJobState.APPLYING) {
                    runApply(id, true);
                } else {
                    runPreview(id);
                }
            });
        }
        return resumed;
    }

    /**
     * Over several instances: takes over the job of an instance that died (its heartbeat stopped) — finishes what its
     * import had committed, then previews or applies it again, here. Nothing on a single instance (its start does it).
     */
    public List<Long> takeOverStale() {
        if (!node.clustered() || table.cutShort(staleBefore()).isEmpty()) {
            return List.of();
        }
        recovery.finishInterrupted();
        return resumeInterrupted();
    }

    /** Over several instances, whether another instance previews or applies a job right now (its heartbeat beats). */
    public boolean anotherInstanceImports() {
        return node.clustered() && table.liveRunning(staleBefore());
    }

    /** Heartbeats older than this are of a dead instance; on a single instance, every one at start. */
    private Instant staleBefore() {
        Instant now = clock.instant();
        return node.clustered() ? now.minus(staleAfter) : now.plus(Duration.ofDays(1));
    }

    /** While a job runs here, its heartbeat beats four times per {@code stdhub.catalog.import-stale-after}. */
    private Heartbeat heartbeat(long id) {
        long every = Math.max(250, staleAfter.toMillis() / 4);
        ScheduledFuture<?> beating =
                heartbeats.scheduleWithFixedDelay(() -> beat(id), every, every, TimeUnit.MILLISECONDS);
        return () -> beating.cancel(false);
    }

    private void beat(long id) {
        try {
            table.beat(id);
        } catch (RuntimeException e) {
            log.warn("catalog import job {}: heartbeat not written", id, e);
        }
    }

    private interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }

    // ---- reading

    public ImportJobView get(long id) {
        return table.job(id).view(json);
    }

    /** The latest jobs, newest first (without their previews and reports). */
    public List<ImportJobView> recent(int limit) {
        return table.recent(limit);
    }

    /** The job previewing or applying now, if any. */
    public Optional<Long> running() {
        return table.running();
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

    /** The job's file, its bytes read counted into the job's progress. */
    private InputStream progress(ImportJobTable.Job job) throws IOException {
        table.progress(job.id(), 0);
        return ImportFiles.counted(job.file(), done -> table.progress(job.id(), done));
    }
}
