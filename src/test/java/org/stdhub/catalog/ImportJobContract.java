package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.stdhub.catalog.ImportJobFixtures.lines;
import static org.stdhub.catalog.ImportJobFixtures.record;
import static org.stdhub.catalog.ImportJobFixtures.std;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stdhub.catalog.importing.ImportFolder;
import org.stdhub.catalog.importing.ImportJobs;
import org.stdhub.catalog.importing.ImportRecovery;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.compliance.watch.Alert;
import org.stdhub.compliance.watch.AlertKind;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.compliance.watch.Digest;
import org.stdhub.compliance.watch.Watchlists;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;

/**
 * Catalog imports on the running platform, against each database StdHub supports (H2 and PostgreSQL subclasses):
 * the dry run changes nothing, confirming applies exactly the preview and alerts watchers, a preview the catalog
 * moved past is refused, one import at a time, an import cut short by a stop is finished on the next start (never
 * half-applied), the spreadsheet template, the import folder, and who may do it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportJobContract {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StandardImporter importer;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportRecovery recovery;

    @Autowired
    ImportFolder folder;

    @Autowired
    CatalogService catalog;

    @Autowired
    Watchlists watchlists;

    @Autowired
    Alerts alerts;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    ApiTokens tokens;

    ImportJobFixtures people;
    String officer;
    String watcher;
    String officerWrite;

    /** The parts of the test standards of this class: the H2 and PostgreSQL runs share nothing, but differ anyway. */
    abstract int series();

    int part(int n) {
        return series() * 100 + n;
    }

    @BeforeAll
    void people() {
        people = new ImportJobFixtures(accounts, organizations, principals, tokens);
        officer = people.officer();
        watcher = people.person("imw");
        officerWrite = people.bearer(officer, "read", "write");
    }

    @AfterEach
    void signOut() {
        ImportJobFixtures.signOut();
    }

    ImportReport importDirectly(String... lines) {
        try {
            byte[] bytes = lines(lines);
            return importer.importStream(new ByteArrayInputStream(bytes), "setup.jsonl", bytes.length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long watch(String name, String... designations) {
        people.signIn(watcher);
        try {
            return watchlists
                    .create(new Watchlists.NewWatchlist(name, null, Digest.NONE, List.of(designations)))
                    .id();
        } finally {
            ImportJobFixtures.signOut();
        }
    }

    List<Alert> alertsOf(long list) {
        people.signIn(watcher);
        try {
            return alerts.ofList(list, Locale.SIMPLIFIED_CHINESE);
        } finally {
            ImportJobFixtures.signOut();
        }
    }

    MvcTestResult upload(String token, String name, byte[] content) {
        return mvc.post()
                .uri("/api/v1/catalog/imports")
                .header("Authorization", token)
                .header("Accept-Language", "zh-CN")
                .multipart()
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .exchange();
    }

    static long id(MvcTestResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    ImportJobView awaitState(long id, ImportJobState state) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.get(id).state() == state || jobs.get(id).state() == ImportJobState.FAILED);
        ImportJobView job = jobs.get(id);
        assertThat(job.state()).as("job %d: %s", id, job.failure()).isEqualTo(state);
        return job;
    }

    @Test
    void theDryRunChangesNothingAndConfirmingAppliesExactlyThePreviewAndAlertsTheWatchers() throws Exception {
        String old = std(part(1), 2010);
        String renamed = std(part(2), 2010);
        String next = std(part(1), 2024);
        importDirectly(record(old, "current", null), record(renamed, "current", null));
        long list = watch("导入关注", old, renamed);

        MvcTestResult started = upload(
                officerWrite,
                "announcement.jsonl",
                lines(
                        record(old, "withdrawn", "\"withdrawn\":\"2024-12-01\",\"replaced_by\":[\"" + next + "\"]"),
                        record(next, "current", "\"replaces\":[\"" + old + "\"],\"published\":\"2024-06-01\""),
                        "{\"id_raw\":\"" + renamed + "\",\"title_zh\":\"新的名称\",\"status\":\"current\","
                                + "\"source\":\"test:import-job\"}",
                        "{\"id_raw\":\"" + std(part(3), 2024) + "\",\"status\":\"valid\",\"source\":\"x\"}"));
        assertThat(started).hasStatus(202);
        long id = id(started);

        ImportJobView previewed = awaitState(id, ImportJobState.PREVIEWED);
        ImportJobView.Preview preview = previewed.preview();
        assertThat(preview.read()).isEqualTo(4);
        assertThat(preview.inserted()).isOne();
        assertThat(preview.updated()).isEqualTo(2);
        assertThat(preview.refused()).isOne();
        assertThat(preview.statusChanges()).isOne();
        assertThat(preview.withdrawals()).isOne();
        assertThat(preview.newReplacementLinks()).isEqualTo(2);
        assertThat(preview.changes())
                .filteredOn(c -> c.designation().equals(old))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo("WITHDRAWN");
                    assertThat(c.replacedBy()).containsExactly(next);
                    assertThat(c.fields()).contains(new ImportJobView.FieldChange("status", "current", "withdrawn"));
                });
        assertThat(preview.changes())
                .filteredOn(c -> c.designation().equals(renamed))
                .singleElement()
                .satisfies(c -> assertThat(c.fields())
                        .contains(new ImportJobView.FieldChange("title_zh", "导入测试用标准 " + renamed, "新的名称")));
        assertThat(preview.refusedLines()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).contains("status 'valid'");
        });
        // nothing changed yet
        assertThat(catalog.find(next)).isEmpty();
        assertThat(catalog.find(old).orElseThrow().getStatus()).isEqualTo("current");
        assertThat(alertsOf(list)).isEmpty();

        assertThat(mvc.get().uri("/api/v1/catalog/imports/{id}", id).header("Authorization", officerWrite))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("PREVIEWED");

        assertThat(mvc.post()
                        .uri("/api/v1/catalog/imports/{id}/confirm", id)
                        .header("Authorization", officerWrite)
                        .exchange())
                .hasStatus(202);
        ImportJobView applied = awaitState(id, ImportJobState.APPLIED);
        ImportJobView.Report report = applied.report();
        assertThat(report.inserted()).isOne();
        assertThat(report.updated()).isEqualTo(2);
        assertThat(report.unchanged()).isZero();
        assertThat(report.refused()).isOne();
        assertThat(report.statusChanges()).isOne();
        assertThat(report.newReplacementLinks()).isEqualTo(2);
        assertThat(report.refusedLines()).hasSize(1);
        assertThat(report.resumed()).isFalse();
        assertThat(applied.progressPercent()).isEqualTo(100);

        assertThat(catalog.find(next)).isPresent();
        assertThat(catalog.find(old).orElseThrow().getStatus()).isEqualTo("withdrawn");
        assertThat(catalog.find(renamed).orElseThrow().getTitleZh()).isEqualTo("新的名称");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(list).stream().anyMatch(a -> a.kind() == AlertKind.WITHDRAWN));
        assertThat(alertsOf(list))
                .filteredOn(a -> a.kind() == AlertKind.WITHDRAWN)
                .singleElement()
                .satisfies(a -> assertThat(a.standardDesignation()).isEqualTo(old));

        // confirmed once: a second confirmation is refused
        assertThat(mvc.post()
                        .uri("/api/v1/catalog/imports/{id}/confirm", id)
                        .header("Authorization", officerWrite)
                        .exchange())
                .hasStatus(409);
    }

    @Test
    void confirmingAPreviewTheCatalogMovedPastIsRefused() {
        String a = std(part(10), 2020);
        people.signIn(officer);
        ImportJobView job =
                jobs.upload("late.jsonl", lines(record(a, "current", null)), CatalogImports.UPLOAD, ImportJobs.Run.NOW);
        assertThat(job.state()).isEqualTo(ImportJobState.PREVIEWED);
        assertThat(job.preview().inserted()).isOne();

        // meanwhile the catalog changes
        importDirectly(record(std(part(11), 2020), "current", null));

        assertThatThrownBy(() -> jobs.confirm(job.id(), ImportJobs.Run.NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("catalog.import.error.catalog-changed");
        assertThat(jobs.get(job.id()).state()).isEqualTo(ImportJobState.PREVIEWED);
        assertThat(catalog.find(a)).isEmpty();
        assertThat(jobs.running()).isEmpty();

        // discarded: nothing changed, and it cannot be confirmed any more
        assertThat(jobs.discard(job.id()).state()).isEqualTo(ImportJobState.DISCARDED);
        assertThatThrownBy(() -> jobs.confirm(job.id(), ImportJobs.Run.NOW)).isInstanceOf(ConflictException.class);
        assertThat(catalog.find(a)).isEmpty();
    }

    @Test
    void aSecondImportIsRefusedWhileOneRuns() throws Exception {
        people.signIn(officer);
        ImportJobView waiting = jobs.upload(
                "waiting.jsonl",
                lines(record(std(part(20), 2020), "current", null)),
                CatalogImports.UPLOAD,
                ImportJobs.Run.NOW);
        ImportJobView first = jobs.upload(
                "first.jsonl",
                lines(record(std(part(21), 2020), "current", null)),
                CatalogImports.UPLOAD,
                ImportJobs.Run.NOW);
        ImportJobFixtures.signOut();
        // the first import runs (held where its confirmation puts it, as if its importer were still writing)
        jdbc.update("update catalog_import_job set state = 'APPLYING', running_slot = 1 where id = ?", first.id());
        try {
            MvcTestResult second =
                    upload(officerWrite, "second.jsonl", lines(record(std(part(22), 2020), "current", null)));
            assertThat(second).hasStatus(409);
            assertThat(second.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("另一个导入（#" + first.id() + "）正在运行");
            assertThat(mvc.post()
                            .uri("/api/v1/catalog/imports/{id}/confirm", waiting.id())
                            .header("Authorization", officerWrite)
                            .exchange())
                    .hasStatus(409);
            assertThat(jobs.get(waiting.id()).state()).isEqualTo(ImportJobState.PREVIEWED);
            assertThat(catalog.find(std(part(22), 2020))).isEmpty();
        } finally {
            jdbc.update("update catalog_import_job set state = 'FAILED', running_slot = null where id = ?", first.id());
        }
    }

    @Test
    void anImportCutShortByAStopIsFinishedOnTheNextStartAndNeverHalfApplied() {
        String old = std(part(30), 2010);
        String next = std(part(30), 2024);
        String other = std(part(31), 2024);
        importDirectly(record(old, "current", null));
        long list = watch("中断关注", old);
        String withdrawal = record(old, "withdrawn", "\"replaced_by\":[\"" + next + "\"]");
        byte[] file = lines(
                withdrawal, record(next, "current", "\"replaces\":[\"" + old + "\"]"), record(other, "current", null));
        people.signIn(officer);
        ImportJobView job = jobs.upload("cut-short.jsonl", file, CatalogImports.UPLOAD, ImportJobs.Run.NOW);
        ImportJobFixtures.signOut();
        assertThat(job.preview().inserted()).isEqualTo(2);

        // the stop: confirmed, the importer had committed the batch holding the first line, then the process died
        // before the import was marked finished and before its CatalogUpdated was published
        jdbc.update("update catalog_import_job set state = 'APPLYING', running_slot = 1 where id = ?", job.id());
        ImportReport partial = importDirectly(withdrawal);
        jdbc.update(
                "delete from event_publication where serialized_event like ? and event_type like '%CatalogUpdated%'",
                "%\"importBatchId\":" + partial.batchId() + ",%");
        jdbc.update("update import_batch set status = 'running', finished_at = null where id = ?", partial.batchId());
        assertThat(catalog.find(next)).isEmpty();

        // the next start: the import batch is finished, then the job applied again whole
        assertThat(recovery.finishInterrupted()).contains(partial.batchId());
        assertThat(jobs.resumeInterrupted()).containsExactly(job.id());

        ImportJobView resumed = jobs.get(job.id());
        assertThat(resumed.state()).isEqualTo(ImportJobState.APPLIED);
        assertThat(resumed.report().resumed()).isTrue();
        assertThat(resumed.report().inserted()).isEqualTo(2);
        assertThat(resumed.report().updated()).isOne();
        assertThat(catalog.find(old).orElseThrow().getStatus()).isEqualTo("withdrawn");
        assertThat(catalog.find(next)).isPresent();
        assertThat(catalog.find(other)).isPresent();
        assertThat(jobs.running()).isEmpty();

        // the watcher is told of the withdrawal once; a further start finds nothing left to do
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(list).stream().anyMatch(a -> a.kind() == AlertKind.WITHDRAWN));
        assertThat(jobs.resumeInterrupted()).isEmpty();
        assertThat(alertsOf(list))
                .filteredOn(a -> a.kind() == AlertKind.WITHDRAWN)
                .hasSize(1);
    }

    @Test
    void aSpreadsheetOfTheTemplateIsPreviewedLikeJsonLines() throws Exception {
        String a = std(part(40), 2025);
        String csv = "\uFEFF标准号,中文名称,状态,实施日期,代替标准,ICS\r\n"
                + a + ",表格导入的标准,现行,2025-09-01,\"" + std(part(40), 2015) + "\",67.140.10\r\n"
                + std(part(41), 2025) + ",日期不对,现行,2025-13-01,,\r\n";
        MvcTestResult started = upload(officerWrite, "list.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started).hasStatus(202);
        ImportJobView job = awaitState(id(started), ImportJobState.PREVIEWED);
        assertThat(job.preview().inserted()).isOne();
        assertThat(job.preview().refused()).isOne();
        assertThat(job.preview().refusedLines().getFirst().line()).isEqualTo(3);
        assertThat(job.preview().changes().getFirst().newReplacementLinks())
                .containsExactly("REPLACES " + std(part(40), 2015));
        people.signIn(officer);
        assertThat(jobs.discard(job.id()).state()).isEqualTo(ImportJobState.DISCARDED);
    }

    @Test
    void badFilesAreRefusedInThePersonsLanguageBeforeAnyJobExists() throws Exception {
        Long before = jdbc.queryForObject("select count(*) from catalog_import_job", Long.class);
        MvcTestResult wrongKind = upload(officerWrite, "notes.txt", "GB/T 1-2020".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongKind).hasStatus(400);
        assertThat(wrongKind.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("请上传 JSON Lines");
        MvcTestResult unknownColumn =
                upload(officerWrite, "list.csv", "标准号,颜色\r\nGB/T 1-2020,红\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknownColumn).hasStatus(400);
        assertThat(unknownColumn.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("列名“颜色”不在模板中");
        assertThat(upload(officerWrite, "empty.jsonl", new byte[0])).hasStatus(400);
        assertThat(jdbc.queryForObject("select count(*) from catalog_import_job", Long.class))
                .isEqualTo(before);
    }

    @Test
    void onlyTheBaseOfficeImportsAndAReadTokenChangesNothing() {
        byte[] file = lines(record(std(part(50), 2020), "current", null));
        assertThat(mvc.get().uri("/api/v1/catalog/imports")).hasStatus(401);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/catalog/imports")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .multipart()
                                .file(new MockMultipartFile("file", "a.jsonl", "application/octet-stream", file))
                                .exchange())
                .hasStatus(401);
        String enterprise = people.enterpriseUser();
        assertThat(upload(people.bearer(enterprise, "read", "write"), "a.jsonl", file))
                .hasStatus(403);
        assertThat(upload(people.bearer(officer, "read"), "a.jsonl", file)).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/catalog/imports").header("Authorization", people.bearer(officer, "read")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/catalog/imports").header("Authorization", people.bearer(enterprise, "read")))
                .hasStatus(403);
        assertThat(catalog.find(std(part(50), 2020))).isEmpty();
    }

    @Test
    void filesDroppedIntoTheImportFolderAreImportedAndMovedAsideWithTheirReport(@TempDir Path dropped)
            throws Exception {
        String a = std(part(60), 2026);
        Files.write(dropped.resolve("feed-1.jsonl"), lines(record(a, "upcoming", null), "{not json"));
        Files.writeString(dropped.resolve("feed-2.csv"), "标准号,颜色\r\nGB/T 1-2020,红\r\n");
        Files.writeString(dropped.resolve("feed-3.jsonl.part"), "still being written");

        List<ImportJobView> done = folder.importDropped(dropped);

        assertThat(done).hasSize(2);
        assertThat(done.getFirst().state()).isEqualTo(ImportJobState.APPLIED);
        assertThat(done.getFirst().requestedBy()).isEqualTo("import-folder");
        assertThat(catalog.find(a).orElseThrow().getStatus()).isEqualTo("upcoming");
        assertThat(dropped.resolve("done/feed-1.jsonl")).exists();
        assertThat(Files.readString(dropped.resolve("done/feed-1.jsonl.report.txt")))
                .contains("inserted 1", "refused 1", "feed-1.jsonl:2");
        assertThat(dropped.resolve("failed/feed-2.csv")).exists();
        assertThat(Files.readString(dropped.resolve("failed/feed-2.csv.report.txt")))
                .contains("catalog.import.error.unknown-column");
        assertThat(dropped.resolve("feed-3.jsonl.part")).exists();
        assertThat(dropped.resolve("feed-1.jsonl")).doesNotExist();
    }
}
