package org.stdhub.catalog.importing;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.ImportJobState;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.platform.ClusterNode;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StdHubProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code catalog_import_job} table: a job's row, its moves along {@link ImportJobTransition} (only from the
 * state it was read in), the one import slot ({@code running_slot}, unique) and the progress, preview and report
 * written by {@link ImportJobs}.
 */
@Component
class ImportJobTable {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path dataDir;
    private final ClusterNode node;

    ImportJobTable(JdbcTemplate jdbc, Clock clock, StdHubProperties properties, ClusterNode node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.node = node;
    }

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
    void move(Job job, ImportJobTransition t, Integer slot) {
        if (!t.allowedFrom(job.state())) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
        // taking the slot, this instance becomes the job's runner, its heartbeat fresh
        Timestamp now = Timestamp.from(clock.instant());
        int moved = slot == null
                ? jdbc.update(
                        "update catalog_import_job set state = ?, running_slot = null, updated_at = ?,"
                                + " version = version + 1 where id = ? and state = ?",
                        t.to.name(),
                        now,
                        job.id(),
                        job.state().name())
                : jdbc.update(
                        "update catalog_import_job set state = ?, running_slot = ?, runner = ?, heartbeat_at = ?,"
                                + " updated_at = ?, version = version + 1 where id = ? and state = ?",
                        t.to.name(),
                        slot,
                        truncate(node.name(), 255),
                        now,
                        now,
                        job.id(),
                        job.state().name());
        if (moved != 1) {
            throw new ConflictException(
                    "catalog.import.error.state", job.state().name());
        }
    }

    long insert(String name, Path file, String digest, String origin, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        long size = ImportFiles.size(file);
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "insert into catalog_import_job (file_name, stored_file, file_digest, origin, state,"
                                    + " running_slot, requested_by, progress_total, created_at, updated_at, runner,"
                                    + " heartbeat_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
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
                    ps.setString(10, truncate(node.name(), 255));
                    ps.setTimestamp(11, now);
                    return ps;
                },
                key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** The latest jobs, newest first (without their previews and reports). */
    List<ImportJobView> recent(int limit) {
        return jdbc.query(
                "select * from catalog_import_job order by id desc fetch first " + Math.max(1, limit) + " rows only",
                (rs, n) -> Job.of(rs, dataDir).summary());
    }

    /** The job holding the import slot, if any. */
    Optional<Long> running() {
        return jdbc
                .queryForList("select id from catalog_import_job where running_slot is not null", Long.class)
                .stream()
                .findFirst();
    }

    /**
     * The jobs previewing or applying whose heartbeat stopped before {@code staleBefore} (or never beat): their
     * instance died. A bound in the future: every job previewing or applying (a single instance, just started).
     */
    List<Long> cutShort(Instant staleBefore) {
        return jdbc.queryForList(
                "select id from catalog_import_job where state in ('PREVIEWING', 'APPLYING')"
                        + " and (heartbeat_at is null or heartbeat_at < ?) order by id",
                Long.class,
                Timestamp.from(staleBefore));
    }

    /** Whether a job previews or applies with a heartbeat since {@code staleBefore}: its instance is working. */
    boolean liveRunning(Instant staleBefore) {
        Long n = jdbc.queryForObject(
                "select count(*) from catalog_import_job where state in ('PREVIEWING', 'APPLYING')"
                        + " and heartbeat_at >= ?",
                Long.class,
                Timestamp.from(staleBefore));
        return n != null && n > 0;
    }

    /**
     * Makes this instance the runner of a job whose heartbeat stopped before {@code staleBefore}; false when another
     * instance claimed it first or it beats again.
     */
    boolean claim(long id, Instant staleBefore) {
        return jdbc.update(
                        "update catalog_import_job set runner = ?, heartbeat_at = ? where id = ?"
                                + " and state in ('PREVIEWING', 'APPLYING') and (heartbeat_at is null or heartbeat_at < ?)",
                        truncate(node.name(), 255),
                        Timestamp.from(clock.instant()),
                        id,
                        Timestamp.from(staleBefore))
                == 1;
    }

    /** The job's runner is alive: its heartbeat now. */
    void beat(long id) {
        jdbc.update(
                "update catalog_import_job set heartbeat_at = ? where id = ? and runner = ?",
                Timestamp.from(clock.instant()),
                id,
                truncate(node.name(), 255));
    }

    void progress(long id, long done) {
        jdbc.update("update catalog_import_job set progress_done = ? where id = ?", done, id);
    }

    void previewed(long id, String previewJson, String catalogMark) {
        jdbc.update(
                "update catalog_import_job set preview = ?, catalog_mark = ?, running_slot = null,"
                        + " progress_done = progress_total where id = ?",
                previewJson,
                catalogMark,
                id);
    }

    void applied(long id, String reportJson, long importBatchId) {
        jdbc.update(
                "update catalog_import_job set report = ?, import_batch_id = ?, progress_done = progress_total"
                        + " where id = ?",
                reportJson,
                importBatchId,
                id);
    }

    void failed(long id, String failure) {
        jdbc.update(
                "update catalog_import_job set state = ?, running_slot = null, failure = ?, updated_at = ?,"
                        + " version = version + 1 where id = ?",
                ImportJobState.FAILED.name(),
                truncate(failure, 1000),
                Timestamp.from(clock.instant()),
                id);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
