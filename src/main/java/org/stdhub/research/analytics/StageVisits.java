package org.stdhub.research.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.ProjectEventView;
import org.stdhub.development.ProjectStageChanged;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.platform.SystemActor;
import org.stdhub.research.Pipeline;

/**
 * The research read model of the group-standard pipeline: each project's stage visits, rebuilt from the project's
 * timeline (the development module's API) whenever its stage changes. Rebuilding from the timeline rather than
 * adding the event makes a replayed or repeated event harmless, and the current stage is the timeline's last one, so
 * a dashboard never infers it from events that were reversed.
 */
@Component
public class StageVisits {

    public static final String SOURCE = "development";

    private final Projects projects;
    private final Alliances alliances;
    private final FigureStore store;
    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    StageVisits(
            Projects projects,
            Alliances alliances,
            FigureStore store,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        // a transaction of its own, committed inside the lock: in the listener's transaction two stage changes of one
        // project handled at once each deleted what the other had not yet committed and both inserted (duplicate key)
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.projects = projects;
        this.alliances = alliances;
        this.store = store;
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.clock = clock;
    }

    /** Once, when the read model has never been filled (a data directory from before this module, demo data). */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (store.refreshedAt(SOURCE).isEmpty()) {
            SystemActor.run("research", () -> {
                for (AllianceView a : alliances.all()) {
                    for (ProjectView p : projects.ofAlliance(a.id())) {
                        rebuild(p.id(), a.id());
                    }
                }
                store.refreshed(SOURCE, "start", clock.instant());
            });
        }
    }

    @ApplicationModuleListener
    void on(ProjectStageChanged event) {
        rebuild(event.projectId(), event.allianceId());
    }

    /**
     * Rebuilds the visits of project {@code projectId} of alliance {@code allianceId} from its timeline, in a
     * transaction of its own committed before the next rebuild starts.
     */
    public synchronized void rebuild(long projectId, long allianceId) {
        tx.executeWithoutResult(status -> replaceVisits(projectId, allianceId));
    }

    private void replaceVisits(long projectId, long allianceId) {
        List<ProjectEventView> timeline = SystemActor.run("research", () -> projects.timeline(projectId));
        List<Object[]> visits = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            ProjectEventView e = timeline.get(i);
            Instant left = i + 1 < timeline.size() ? timeline.get(i + 1).occurredAt() : null;
            visits.add(new Object[] {
                projectId,
                allianceId,
                i,
                e.toStage(),
                Timestamp.from(e.occurredAt()),
                left == null ? null : Timestamp.from(left)
            });
        }
        sql.sql("delete from research_stage_visit where project_id = ?")
                .param(projectId)
                .update();
        jdbc.batchUpdate(
                "insert into research_stage_visit (project_id, alliance_id, seq, stage, entered_at, left_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                visits);
        store.refreshed(SOURCE, "project:" + projectId, clock.instant());
    }

    /** Projects per alliance and stage group today (the stage of each project's last visit). */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> currentByAlliance() {
        return sql
                .sql("select v.alliance_id, substring(v.stage, 1, 2), count(*) from research_stage_visit v"
                        + " where v.left_at is null group by v.alliance_id, substring(v.stage, 1, 2)")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> (Long) r[0], Collectors.toMap(r -> (String) r[1], r -> (Long) r[2], Long::sum)));
    }

    /** For each stage, how many visits ended and their mean length in days. */
    @Transactional(readOnly = true)
    public List<Pipeline.StageTime> stageTimes() {
        Map<String, List<Long>> seconds = sql
                .sql("select stage, entered_at, left_at from research_stage_visit where left_at is not null")
                .query((rs, i) -> Map.entry(
                        rs.getString(1),
                        (rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime()) / 1000))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Pipeline.StageTime> out = new ArrayList<>();
        seconds.forEach((stage, list) -> {
            double mean = list.stream().mapToLong(Long::longValue).average().orElse(0) / 86_400.0;
            out.add(new Pipeline.StageTime(stage, list.size(), Math.round(mean * 10) / 10.0));
        });
        return out;
    }
}
