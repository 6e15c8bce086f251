package org.stdhub.catalog.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.ImportJobState;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.SystemActor;
import org.stdhub.platform.UserFacingException;

/**
 * Scheduled imports for feeds other systems deliver: files dropped into the configured folder
 * ({@code stdhub.catalog.import-folder.path}, off when empty) are imported — previewed and applied at once, as the
 * system actor {@value #ACTOR} — then moved into {@code done/} (or {@code failed/}) beside a report
 * {@code NAME.report.txt}. A file still being written should be named {@code *.part} and renamed when complete;
 * while another import runs, files wait for the next round.
 */
@Component
public class ImportFolder {

    private static final Logger log = LoggerFactory.getLogger(ImportFolder.class);
    static final String ACTOR = "import-folder";
    public static final String ORIGIN = "FOLDER";

    /**
     * @param path the folder watched; empty (the default) for none
     * @param poll how often it is looked at
     */
    @ConfigurationProperties("stdhub.catalog.import-folder")
    public record Settings(
            @DefaultValue("") String path,
            @DefaultValue("1m") Duration poll) {}

    private final ImportJobs jobs;
    private final Settings settings;

    ImportFolder(ImportJobs jobs, Settings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelayString = "${stdhub.catalog.import-folder.poll:1m}",
            initialDelayString = "${stdhub.catalog.import-folder.poll:1m}")
    @SchedulerLock(
            name = "catalog.import-folder",
            lockAtMostFor = "PT30M",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void scheduled() {
        if (!settings.path().isBlank()) {
            importDropped(Path.of(settings.path()));
        }
    }

    /** Imports the files in {@code folder} one after the other; returns the jobs made. */
    public List<ImportJobView> importDropped(Path folder) {
        List<ImportJobView> done = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .filter(ImportFolder::importable)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("import folder {} cannot be read", folder, e);
            return done;
        }
        for (Path file : files) {
            ImportJobView job = SystemActor.run(ACTOR, () -> importOne(folder, file));
            if (job == null) {
                break;
            }
            done.add(job);
        }
        return done;
    }

    private static boolean importable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl")
                || name.endsWith(".jsonl.gz")
                || name.endsWith(".ndjson")
                || name.endsWith(".xlsx")
                || name.endsWith(".csv");
    }

    /** The job of one file, or null when another import runs (the file waits). */
    private ImportJobView importOne(Path folder, Path file) {
        String name = file.getFileName().toString();
        ImportJobView job;
        String report;
        try {
            job = jobs.upload(name, Files.readAllBytes(file), ORIGIN, ImportJobs.Run.NOW);
            if (job.state() == ImportJobState.PREVIEWED) {
                job = jobs.confirm(job.id(), ImportJobs.Run.NOW);
            }
            report = report(job);
        } catch (ConflictException e) {
            log.info("import folder: {} waits, another import runs", name);
            return null;
        } catch (UserFacingException | IOException e) {
            job = null;
            report = "refused: " + (e instanceof UserFacingException u ? u.messageKey() : e.getMessage()) + "\n";
        }
        boolean applied = job != null && job.state() == ImportJobState.APPLIED;
        try {
            Path target = Files.createDirectories(folder.resolve(applied ? "done" : "failed"));
            Files.writeString(target.resolve(name + ".report.txt"), report);
            Files.move(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("import folder: {} could not be moved aside", file, e);
        }
        log.info("import folder: {} {}", name, applied ? "imported" : "not imported");
        return job == null
                ? new ImportJobView(0, name, ORIGIN, ImportJobState.FAILED, ACTOR, null, null, 0, report, null, null)
                : job;
    }

    private static String report(ImportJobView job) {
        StringBuilder s = new StringBuilder();
        s.append("import job ")
                .append(job.id())
                .append(": ")
                .append(job.fileName())
                .append('\n');
        s.append("state: ").append(job.state()).append('\n');
        if (job.failure() != null) {
            s.append("failure: ").append(job.failure()).append('\n');
        }
        ImportJobView.Report r = job.report();
        if (r != null) {
            s.append(String.format(
                    "read %d, inserted %d, updated %d, unchanged %d, refused %d; status changes %d, withdrawals %d,"
                            + " new replacement links %d; import batch %d%n",
                    r.read(),
                    r.inserted(),
                    r.updated(),
                    r.unchanged(),
                    r.refused(),
                    r.statusChanges(),
                    r.withdrawals(),
                    r.newReplacementLinks(),
                    r.importBatchId()));
            for (ImportJobView.RefusedLine line : r.refusedLines()) {
                s.append("refused ")
                        .append(line.file())
                        .append(':')
                        .append(line.line())
                        .append(line.designation() == null ? "" : " [" + line.designation() + "]")
                        .append(": ")
                        .append(line.reason())
                        .append('\n');
            }
        }
        return s.toString();
    }
}
