package org.stdhub.research.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.research.ReportKind;
import org.stdhub.research.ReportView;

/** Reports and policy briefs, and their file versions, in the database; searched with LIKE. */
@Component
public class ReportStore {

    private final JdbcTemplate jdbc;

    ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who wrote a report, and whether it is published (for the rules). */
    public record Head(long id, long createdBy, boolean published) {}

    public long insert(
            ReportKind kind,
            String title,
            String abstractText,
            List<String> keywords,
            Long projectId,
            long createdBy,
            String createdByName,
            Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into research_report (kind, title, abstract_text, keywords, project_id,"
                                    + " created_by, created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, kind.name());
                    ps.setString(2, title);
                    ps.setString(3, abstractText);
                    ps.setString(4, String.join("\n", keywords));
                    if (projectId == null) {
                        ps.setNull(5, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(5, projectId);
                    }
                    ps.setLong(6, createdBy);
                    ps.setString(7, createdByName == null ? "" : createdByName);
                    ps.setTimestamp(8, Timestamp.from(at));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /** Adds the next version; returns its number. */
    public int addVersion(long reportId, String fileName, String mediaType, long size, String sha256, Instant at) {
        Integer last = jdbc.queryForObject(
                "select max(version) from research_report_version where report_id = ?", Integer.class, reportId);
        int next = last == null ? 1 : last + 1;
        jdbc.update(
                "insert into research_report_version (report_id, version, file_name, media_type, size_bytes, sha256,"
                        + " uploaded_at) values (?, ?, ?, ?, ?, ?, ?)",
                reportId,
                next,
                fileName,
                mediaType,
                size,
                sha256,
                Timestamp.from(at));
        return next;
    }

    public boolean publish(long id, Instant at) {
        return jdbc.update(
                        "update research_report set published_at = ? where id = ? and published_at is null",
                        Timestamp.from(at),
                        id)
                == 1;
    }

    public Optional<Head> head(long id) {
        return jdbc
                .query(
                        "select id, created_by, published_at from research_report where id = ?",
                        (rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3) != null),
                        id)
                .stream()
                .findFirst();
    }

    public Optional<ReportView> find(long id) {
        return jdbc
                .query(
                        "select id, kind, title, abstract_text, keywords, project_id, created_by_name, created_at,"
                                + " published_at from research_report where id = ?",
                        (rs, n) -> {
                            long projectId = rs.getLong(6);
                            boolean noProject = rs.wasNull();
                            Timestamp published = rs.getTimestamp(9);
                            String keywords = rs.getString(5);
                            return new ReportView(
                                    rs.getLong(1),
                                    ReportKind.valueOf(rs.getString(2)),
                                    rs.getString(3),
                                    rs.getString(4),
                                    keywords == null || keywords.isEmpty()
                                            ? List.of()
                                            : Arrays.asList(keywords.split("\n")),
                                    noProject ? null : projectId,
                                    rs.getString(7),
                                    rs.getTimestamp(8).toInstant(),
                                    published == null ? null : published.toInstant(),
                                    List.of(),
                                    false);
                        },
                        id)
                .stream()
                .findFirst()
                .map(r -> new ReportView(
                        r.id(),
                        r.kind(),
                        r.title(),
                        r.abstractText(),
                        r.keywords(),
                        r.researchProjectId(),
                        r.createdBy(),
                        r.createdAt(),
                        r.publishedAt(),
                        versions(id),
                        false));
    }

    public Optional<ReportView.Version> version(long reportId, int number) {
        return versions(reportId).stream().filter(v -> v.number() == number).findFirst();
    }

    private List<ReportView.Version> versions(long reportId) {
        return jdbc.query(
                "select version, file_name, media_type, size_bytes, sha256, uploaded_at from research_report_version"
                        + " where report_id = ? order by version",
                (rs, n) -> new ReportView.Version(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                reportId);
    }

    /**
     * Reports the viewer sees (published ones; their own; all when {@code all}), matching every word of {@code words}
     * in the title, abstract or keywords; newest first.
     */
    public List<ReportView> search(List<String> words, boolean all, Long personId, ReportKind kind, int limit) {
        StringBuilder sql = new StringBuilder(
                "select id from research_report where (cast(? as boolean) or published_at is not null or created_by = ?)");
        List<Object> args = new java.util.ArrayList<>(List.of(all, personId == null ? -1L : personId));
        if (kind != null) {
            sql.append(" and kind = ?");
            args.add(kind.name());
        }
        for (String w : words) {
            sql.append(" and (lower(title) like ? or lower(abstract_text) like ? or lower(keywords) like ?)");
            String like = "%" + w.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add(like);
            args.add(like);
        }
        sql.append(" order by id desc fetch first ").append(limit).append(" rows only");
        List<Long> ids = jdbc.queryForList(sql.toString(), Long.class, args.toArray());
        return ids.stream().map(i -> find(i).orElseThrow()).toList();
    }
}
