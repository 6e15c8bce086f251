package org.stdhub.research.project;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.research.MilestoneStatus;
import org.stdhub.research.ResearchProjectState;
import org.stdhub.research.ResearchProjectView;

/** Research projects, their teams, milestones and links in the database. */
@Component
public class ResearchProjectStore {

    public static final String DEVELOPMENT_PROJECT = "DEVELOPMENT_PROJECT";
    public static final String PATENT = "PATENT";

    private final JdbcTemplate jdbc;

    ResearchProjectStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String topic, String plan, String outputs, long createdBy, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into research_project (topic, plan, outputs, state, published, created_by,"
                                    + " created_at) values (?, ?, ?, ?, false, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, topic);
                    ps.setString(2, plan);
                    ps.setString(3, outputs);
                    ps.setString(4, ResearchProjectState.PROPOSED.name());
                    ps.setLong(5, createdBy);
                    ps.setTimestamp(6, Timestamp.from(at));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    public void update(long id, String topic, String plan, String outputs) {
        jdbc.update(
                "update research_project set topic = ?, plan = ?, outputs = ? where id = ?", topic, plan, outputs, id);
    }

    /** Replaces the team, milestones and links. */
    public void replaceParts(
            long id,
            List<ResearchProjectView.TeamMember> team,
            List<ResearchProjectView.Milestone> milestones,
            List<Long> developmentProjects,
            List<Long> patents) {
        jdbc.update("delete from research_team_member where project_id = ?", id);
        jdbc.update("delete from research_milestone where project_id = ?", id);
        jdbc.update("delete from research_link where project_id = ?", id);
        for (var m : team) {
            jdbc.update(
                    "insert into research_team_member (project_id, person_id, name) values (?, ?, ?)",
                    id,
                    m.personId(),
                    m.name());
        }
        for (int i = 0; i < milestones.size(); i++) {
            var m = milestones.get(i);
            jdbc.update(
                    "insert into research_milestone (project_id, seq, title, due_on, status) values (?, ?, ?, ?, ?)",
                    id,
                    i + 1,
                    m.title(),
                    Date.valueOf(m.dueOn()),
                    m.status().name());
        }
        for (Long p : developmentProjects) {
            jdbc.update(
                    "insert into research_link (project_id, kind, target_id) values (?, ?, ?)",
                    id,
                    DEVELOPMENT_PROJECT,
                    p);
        }
        for (Long p : patents) {
            jdbc.update("insert into research_link (project_id, kind, target_id) values (?, ?, ?)", id, PATENT, p);
        }
    }

    /** Moves the project from one state to another; false when it was no longer in {@code from}. */
    public boolean move(long id, ResearchProjectState from, ResearchProjectState to) {
        return jdbc.update(
                        "update research_project set state = ? where id = ? and state = ?", to.name(), id, from.name())
                == 1;
    }

    public void publish(long id) {
        jdbc.update("update research_project set published = true where id = ?", id);
    }

    public Optional<ResearchProjectView> find(long id) {
        return jdbc
                .query(
                        "select id, topic, plan, outputs, state, published, created_at from research_project"
                                + " where id = ?",
                        (rs, n) -> view(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getBoolean(6),
                                rs.getTimestamp(7).toInstant()),
                        id)
                .stream()
                .findFirst();
    }

    /** Published projects, and those where {@code personId} is in the team, or all when {@code all}; newest first. */
    public List<ResearchProjectView> list(boolean all, Long personId, int limit) {
        List<Long> ids = jdbc.queryForList(
                "select p.id from research_project p where cast(? as boolean) or p.published or exists (select 1 from"
                        + " research_team_member m where m.project_id = p.id and m.person_id = ?)"
                        + " order by p.id desc fetch first " + limit + " rows only",
                Long.class,
                all,
                personId == null ? -1L : personId);
        return ids.stream().map(i -> find(i).orElseThrow()).toList();
    }

    private ResearchProjectView view(
            long id, String topic, String plan, String outputs, String state, boolean published, Instant createdAt) {
        List<ResearchProjectView.TeamMember> team = jdbc.query(
                "select person_id, name from research_team_member where project_id = ? order by name, person_id",
                (rs, n) -> new ResearchProjectView.TeamMember(rs.getLong(1), rs.getString(2)),
                id);
        List<ResearchProjectView.Milestone> milestones = jdbc.query(
                "select title, due_on, status from research_milestone where project_id = ? order by seq",
                (rs, n) -> new ResearchProjectView.Milestone(
                        rs.getString(1), rs.getDate(2).toLocalDate(), MilestoneStatus.valueOf(rs.getString(3))),
                id);
        List<Long> projects = jdbc.queryForList(
                "select target_id from research_link where project_id = ? and kind = ? order by target_id",
                Long.class,
                id,
                DEVELOPMENT_PROJECT);
        List<Long> patents = jdbc.queryForList(
                "select target_id from research_link where project_id = ? and kind = ? order by target_id",
                Long.class,
                id,
                PATENT);
        return new ResearchProjectView(
                id,
                topic,
                plan,
                outputs,
                ResearchProjectState.valueOf(state),
                published,
                team,
                milestones,
                projects,
                patents,
                createdAt,
                false);
    }
}
