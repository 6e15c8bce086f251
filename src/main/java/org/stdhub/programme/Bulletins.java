package org.stdhub.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Bulletins: the base office drafts one from a period's recorded data (platform records by indicator — "no source yet"
 * where there is none —, tasks accepted, funding released, subsidies approved), edits it, a second officer approves
 * it (never the drafter), and it is published on the public site. Drafts and approved bulletins are the office's.
 */
@Service
@Transactional
public class Bulletins {

    static final String AUDIT_TYPE = "programme-bulletin";

    /** What the office writes: a new draft's period, or an edit's title and text. */
    public record Draft(LocalDate periodFrom, LocalDate periodTo) {}

    public record Edit(String title, String body) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bulletins(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(Contracts.OFFICE)
    public BulletinView draft(Draft f) {
        return draft(f, false);
    }

    BulletinView draft(Draft f, boolean demo) {
        if (f == null
                || f.periodFrom() == null
                || f.periodTo() == null
                || f.periodTo().isBefore(f.periodFrom())) {
            throw new InvalidInputException(Map.of("periodTo", "programme.error.period"));
        }
        ProgrammeViewer viewer = ProgrammeViewer.current();
        String title = "基地建设简报 / Base bulletin " + f.periodFrom() + " – " + f.periodTo();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into programme_bulletin (title, period_from, period_to, body, state, drafted_by, drafted_by_id,"
                                + " drafted_at, demo) values (?,?,?,?,?,?,?,?,?)")
                .params(
                        title,
                        f.periodFrom(),
                        f.periodTo(),
                        compose(f.periodFrom(), f.periodTo()),
                        BulletinView.State.DRAFT.name(),
                        viewer.actor(),
                        viewer.personId(),
                        Timestamp.from(clock.instant()),
                        demo)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "drafted")
                .withChange("period", null, f.periodFrom() + "/" + f.periodTo()));
        return find(id);
    }

    /** The period's data in words, one line per fact: what the draft starts from. */
    String compose(LocalDate from, LocalDate to) {
        StringBuilder s = new StringBuilder();
        s.append("统计期间 / Period: ").append(from).append(" – ").append(to).append("\n\n");
        s.append("一、平台记录 / Platform records\n");
        for (Indicator i : Indicator.values()) {
            String value;
            if (i.source() == Indicator.Source.NONE) {
                value = "暂无数据来源 / no source yet";
            } else {
                int n = jdbc.sql(
                                "select coalesce(sum(quantity), 0) from programme_fact where indicator = ? and occurred_on between ? and ?")
                        .params(i.name(), from, to)
                        .query(Integer.class)
                        .single();
                value = n
                        + switch (i.source()) {
                            case ENTERED -> "（填报 / entered）";
                            case EVENTS_AND_ENTERED -> "（统计及填报 / counted and entered）";
                            default -> "";
                        };
            }
            s.append("· ").append(i.name()).append(": ").append(value).append('\n');
        }
        int accepted = jdbc.sql(
                        "select count(*) from programme_task where state = 'ACCEPTED' and decided_at >= ? and decided_at < ?")
                .params(
                        Timestamp.valueOf(from.atStartOfDay()),
                        Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query(Integer.class)
                .single();
        BigDecimal released = jdbc.sql(
                        "select coalesce(sum(amount), 0) from programme_tranche where state = 'APPROVED' and approved_at >= ? and approved_at < ?")
                .params(
                        Timestamp.valueOf(from.atStartOfDay()),
                        Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query(BigDecimal.class)
                .single();
        int subsidies = jdbc.sql(
                        "select count(*) from programme_subsidy_claim where state = 'APPROVED' and reviewed_at >= ? and reviewed_at < ?")
                .params(
                        Timestamp.valueOf(from.atStartOfDay()),
                        Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query(Integer.class)
                .single();
        s.append("\n二、合同执行 / Contracts\n");
        s.append("· 验收任务 / tasks accepted: ").append(accepted).append('\n');
        s.append("· 批准拨付 / funding released: ").append(released.toPlainString()).append('\n');
        s.append("· 批准补助 / subsidies approved: ").append(subsidies).append('\n');
        return s.toString();
    }

    @PreAuthorize(Contracts.OFFICE)
    public BulletinView edit(long id, Edit f) {
        BulletinView b = find(id);
        if (b.state() != BulletinView.State.DRAFT) {
            throw new ConflictException("programme.error.bulletin-state", b.state());
        }
        var errors = new InvalidInputException.Collector();
        String title = Text.required(f == null ? null : f.title(), 300, "title", errors);
        String body = Text.required(f == null ? null : f.body(), 20000, "body", errors);
        errors.throwIfAny();
        jdbc.sql("update programme_bulletin set title = ?, body = ? where id = ?")
                .params(title, body, id)
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "edited").withChange("title", b.title(), title));
        return find(id);
    }

    /** A second officer approves a draft: never the one who drafted it. */
    @PreAuthorize(Contracts.OFFICE)
    public BulletinView approve(long id) {
        BulletinView b = find(id);
        if (b.state() != BulletinView.State.DRAFT) {
            throw new ConflictException("programme.error.bulletin-state", b.state());
        }
        ProgrammeViewer viewer = ProgrammeViewer.current();
        Long drafter = jdbc.sql("select drafted_by_id from programme_bulletin where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (drafter != null && drafter.equals(viewer.personId())) {
            throw new NotPermittedException("programme.error.bulletin-four-eyes");
        }
        return step(
                b,
                BulletinView.State.APPROVED,
                "update programme_bulletin set state = ?, approved_by = ?, approved_at = ? where id = ? and state = ?",
                viewer.actor());
    }

    @PreAuthorize(Contracts.OFFICE)
    public BulletinView publish(long id) {
        BulletinView b = find(id);
        if (b.state() != BulletinView.State.APPROVED) {
            throw new ConflictException("programme.error.bulletin-state", b.state());
        }
        return step(
                b,
                BulletinView.State.PUBLISHED,
                "update programme_bulletin set state = ?, published_at = ? where id = ? and state = ?",
                null);
    }

    private BulletinView step(BulletinView b, BulletinView.State to, String sql, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        int changed = actor == null
                ? jdbc.sql(sql).params(to.name(), now, b.id(), b.state().name()).update()
                : jdbc.sql(sql)
                        .params(to.name(), actor, now, b.id(), b.state().name())
                        .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(
                StateChanged.of(AUDIT_TYPE, b.id(), to.name().toLowerCase()).withChange("state", b.state(), to));
        return find(b.id());
    }

    /** Every bulletin, for the base office. */
    @PreAuthorize(Contracts.OFFICE)
    @Transactional(readOnly = true)
    public List<BulletinView> all() {
        return jdbc.sql("select * from programme_bulletin order by id desc")
                .query(Bulletins::row)
                .list();
    }

    @PreAuthorize(Contracts.OFFICE)
    @Transactional(readOnly = true)
    public BulletinView get(long id) {
        return find(id);
    }

    /** Public: the published bulletins, newest first. */
    @Transactional(readOnly = true)
    public List<BulletinView> published() {
        return jdbc.sql(
                        "select * from programme_bulletin where state = 'PUBLISHED' order by published_at desc, id desc")
                .query(Bulletins::row)
                .list();
    }

    /** Public: the {@code n} bulletins published last, newest first. */
    @Transactional(readOnly = true)
    public List<BulletinView> latestPublished(int n) {
        return jdbc.sql("select * from programme_bulletin where state = 'PUBLISHED'"
                        + " order by published_at desc, id desc limit ?")
                .param(Math.max(0, n))
                .query(Bulletins::row)
                .list();
    }

    /** Public: one published bulletin (any other is not found). */
    @Transactional(readOnly = true)
    public BulletinView publishedOne(long id) {
        BulletinView b = find(id);
        if (b.state() != BulletinView.State.PUBLISHED) {
            throw new NotFoundException("programme.error.no-bulletin");
        }
        return b;
    }

    private BulletinView find(long id) {
        return jdbc.sql("select * from programme_bulletin where id = ?")
                .param(id)
                .query(Bulletins::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-bulletin"));
    }

    private static BulletinView row(ResultSet rs, int n) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        Timestamp published = rs.getTimestamp("published_at");
        return new BulletinView(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getString("body"),
                BulletinView.State.valueOf(rs.getString("state")),
                rs.getString("drafted_by"),
                rs.getTimestamp("drafted_at").toInstant(),
                rs.getString("approved_by"),
                approved == null ? null : approved.toInstant(),
                published == null ? null : published.toInstant(),
                rs.getBoolean("demo"));
    }
}
