package org.stdhub.consulting.declaration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.consulting.DeclarationView;
import org.stdhub.consulting.IndicatorDirection;

/** Declarations in the database, set-wise: one row per declaration, version, standard, indicator and flag. */
@Component
public class DeclarationStore {

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;

    DeclarationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
    }

    /** The declaration row: who declared what, and its current version's number. */
    public record Head(
            long id,
            long organizationId,
            String organizationName,
            String product,
            String productClass,
            int currentVersion,
            boolean demo) {}

    /** A declared standard to write. */
    public record NewStandard(
            String kind, String designation, String title, String workKey, String verdict, String advice) {}

    /** An indicator to write. */
    public record NewIndicator(
            String kind,
            String name,
            BigDecimal value,
            String requirement,
            String unit,
            IndicatorDirection direction,
            String standard,
            String testMethod) {}

    public long insertDeclaration(
            long organizationId,
            String organizationName,
            String product,
            String productClass,
            Instant now,
            boolean demo) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into declaration (organization_id, organization_name, product, product_class,"
                                    + " current_version, created_at, updated_at, demo) values (?, ?, ?, ?, 0, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, organizationId);
                    ps.setString(2, organizationName);
                    ps.setString(3, product);
                    ps.setString(4, productClass);
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.setBoolean(7, demo);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /**
     * Adds version {@code number} (the next one; the unique number refuses a concurrent second writer) and makes it
     * current.
     */
    public long insertVersion(
            long declarationId,
            int number,
            String product,
            String productClass,
            String description,
            Long declaredBy,
            String declaredByName,
            Instant now,
            List<NewStandard> standards,
            List<NewIndicator> indicators) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into declaration_version (declaration_id, number, description, declared_by,"
                                    + " declared_by_name, declared_at) values (?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, declarationId);
                    ps.setInt(2, number);
                    ps.setString(3, description);
                    if (declaredBy == null) {
                        ps.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(4, declaredBy);
                    }
                    ps.setString(5, declaredByName);
                    ps.setTimestamp(6, Timestamp.from(now));
                    return ps;
                },
                key);
        long versionId = key.getKey().longValue();
        for (NewStandard s : standards) {
            jdbc.update(
                    "insert into declared_standard (version_id, kind, designation, title, work_key, verdict, advice)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    versionId,
                    s.kind(),
                    s.designation(),
                    s.title(),
                    s.workKey(),
                    s.verdict(),
                    s.advice());
        }
        int position = 0;
        for (NewIndicator i : indicators) {
            jdbc.update(
                    "insert into declared_indicator (version_id, kind, position, name, numeric_value, requirement, unit,"
                            + " direction, standard, test_method) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    versionId,
                    i.kind(),
                    position++,
                    i.name(),
                    i.value(),
                    i.requirement(),
                    i.unit(),
                    i.direction() == null ? null : i.direction().name(),
                    i.standard(),
                    i.testMethod());
        }
        int updated = jdbc.update(
                "update declaration set current_version = ?, product = ?, product_class = ?, updated_at = ?"
                        + " where id = ? and current_version = ?",
                number,
                product,
                productClass,
                Timestamp.from(now),
                declarationId,
                number - 1);
        if (updated != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("declaration " + declarationId);
        }
        return versionId;
    }

    public Optional<Head> head(long id) {
        return sql.sql("select id, organization_id, organization_name, product, product_class, current_version, demo"
                        + " from declaration where id = ?")
                .param(id)
                .query(DeclarationStore::head)
                .optional();
    }

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getBoolean(7));
    }

    /** A declaration with its current version, flags and history; empty when there is none. */
    public Optional<DeclarationView> view(long id) {
        Optional<Head> found = head(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Head h = found.get();
        record Version(long id, int number, String description, Instant at, String by) {}
        List<Version> versions = sql.sql("select id, number, description, declared_at, declared_by_name"
                        + " from declaration_version where declaration_id = ? order by number desc")
                .param(id)
                .query((rs, n) -> new Version(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
        Version current = versions.stream()
                .filter(v -> v.number() == h.currentVersion())
                .findFirst()
                .orElseThrow();
        List<DeclarationView.Standard> standards = sql.sql(
                        "select kind, designation, title, verdict, advice from declared_standard where version_id = ?"
                                + " order by kind, id")
                .param(current.id())
                .query((rs, n) -> new DeclarationView.Standard(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        List<DeclarationView.Indicator> performance = new ArrayList<>();
        List<DeclarationView.Indicator> mandatory = new ArrayList<>();
        jdbc.query(
                "select kind, name, numeric_value, requirement, unit, direction, standard, test_method"
                        + " from declared_indicator where version_id = ? order by kind, position",
                rs -> {
                    String direction = rs.getString(6);
                    var indicator = new DeclarationView.Indicator(
                            rs.getString(2),
                            rs.getBigDecimal(3),
                            rs.getString(4),
                            rs.getString(5),
                            direction == null ? null : IndicatorDirection.valueOf(direction),
                            rs.getString(7),
                            rs.getString(8));
                    ("PERFORMANCE".equals(rs.getString(1)) ? performance : mandatory).add(indicator);
                },
                current.id());
        List<DeclarationView.Flag> flags = sql.sql(
                        "select kind, standard_designation, related_designation, created_at from declaration_flag"
                                + " where version_id = ? order by created_at, id")
                .param(current.id())
                .query((rs, n) -> new DeclarationView.Flag(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        Map<Long, List<String>> standardsOf =
                standardsOf(versions.stream().map(Version::id).toList());
        List<DeclarationView.VersionEntry> history = versions.stream()
                .map(v -> new DeclarationView.VersionEntry(
                        v.number(), v.at(), v.by(), standardsOf.getOrDefault(v.id(), List.of())))
                .toList();
        return Optional.of(new DeclarationView(
                h.id(),
                h.organizationId(),
                h.organizationName(),
                h.product(),
                h.productClass(),
                h.currentVersion(),
                current.description(),
                current.at(),
                current.by(),
                h.demo(),
                standards,
                performance,
                mandatory,
                flags,
                history));
    }

    private Map<Long, List<String>> standardsOf(Collection<Long> versionIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (versionIds.isEmpty()) {
            return result;
        }
        jdbc.query(
                "select version_id, designation from declared_standard where version_id in (" + marks(versionIds.size())
                        + ") order by version_id, kind, id",
                rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                versionIds.toArray());
        return result;
    }

    /** The public listing: current versions, filtered by enterprise, product (or class) and standard (parts of). */
    public List<DeclarationView.Summary> search(String enterprise, String product, String standard, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (enterprise != null) {
            where.append(" and lower(d.organization_name) like ?");
            params.add(like(enterprise));
        }
        if (product != null) {
            where.append(" and (lower(d.product) like ? or lower(coalesce(d.product_class, '')) like ?)");
            params.add(like(product));
            params.add(like(product));
        }
        if (standard != null) {
            where.append(" and exists (select 1 from declared_standard s where s.version_id = v.id"
                    + " and lower(s.designation) like ?)");
            params.add(like(standard));
        }
        params.add(limit);
        record Row(
                long id,
                long versionId,
                String org,
                String product,
                String cls,
                int version,
                Instant at,
                boolean flagged,
                boolean demo) {}
        List<Row> rows = jdbc.query(
                "select d.id, v.id, d.organization_name, d.product, d.product_class, d.current_version, v.declared_at,"
                        + " exists (select 1 from declaration_flag f where f.version_id = v.id), d.demo"
                        + " from declaration d join declaration_version v on v.declaration_id = d.id"
                        + " and v.number = d.current_version" + where
                        + " order by d.updated_at desc, d.id desc limit ?",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8),
                        rs.getBoolean(9)),
                params.toArray());
        Map<Long, List<String>> standards =
                standardsOf(rows.stream().map(Row::versionId).toList());
        return rows.stream()
                .map(r -> new DeclarationView.Summary(
                        r.id(),
                        r.org(),
                        r.product(),
                        r.cls(),
                        r.version(),
                        r.at(),
                        standards.getOrDefault(r.versionId(), List.of()),
                        r.flagged(),
                        r.demo()))
                .toList();
    }

    /** A catalog standard of a current version, with when that version was declared. */
    public record Declared(long versionId, long declarationId, String designation, Instant declaredAt) {}

    /** The current versions' catalog standards among {@code designations}. */
    public List<Declared> currentlyDeclared(Collection<String> designations) {
        if (designations.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select v.id, d.id, s.designation, v.declared_at from declared_standard s"
                        + " join declaration_version v on v.id = s.version_id"
                        + " join declaration d on d.id = v.declaration_id and d.current_version = v.number"
                        + " where s.kind = 'CATALOG' and s.designation in (" + marks(designations.size()) + ")",
                (rs, n) -> new Declared(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                designations.toArray());
    }

    /** Raises a flag unless the same cause flagged the same standard of the version before; true when new. */
    public boolean flag(long versionId, String causeKey, String kind, String designation, String related, Instant now) {
        return jdbc.update(
                        "insert into declaration_flag (version_id, cause_key, kind, standard_designation,"
                                + " related_designation, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                        versionId,
                        causeKey,
                        kind,
                        designation,
                        related,
                        Timestamp.from(now))
                > 0;
    }

    /** A performance indicator of a current version in a product class, for the front-runner comparison. */
    public record ClassIndicator(
            long declarationId,
            String organizationName,
            String product,
            String standard,
            String name,
            String unit,
            IndicatorDirection direction,
            BigDecimal value,
            boolean demo) {}

    public List<ClassIndicator> indicatorsOfClass(String productClass) {
        return jdbc.query(
                "select d.id, d.organization_name, d.product, (select min(s.designation) from declared_standard s"
                        + " where s.version_id = v.id and s.kind = 'ENTERPRISE'), i.name, i.unit, i.direction,"
                        + " i.numeric_value, d.demo from declaration d"
                        + " join declaration_version v on v.declaration_id = d.id and v.number = d.current_version"
                        + " join declared_indicator i on i.version_id = v.id and i.kind = 'PERFORMANCE'"
                        + " where d.product_class = ? and i.numeric_value is not null and i.direction is not null"
                        + " order by i.name, d.id",
                (rs, n) -> new ClassIndicator(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        IndicatorDirection.valueOf(rs.getString(7)),
                        rs.getBigDecimal(8),
                        rs.getBoolean(9)),
                productClass);
    }

    /** The product classes declared so far, with how many declarations each. */
    public Map<String, Integer> productClasses() {
        Map<String, Integer> classes = new LinkedHashMap<>();
        jdbc.query(
                "select product_class, count(*) from declaration where product_class is not null"
                        + " group by product_class order by product_class",
                rs -> {
                    classes.put(rs.getString(1), rs.getInt(2));
                });
        return classes;
    }

    /** The id of the declaration's current version. */
    public long currentVersionId(long declarationId) {
        Long id = jdbc.queryForObject(
                "select v.id from declaration_version v join declaration d on d.id = v.declaration_id"
                        + " and v.number = d.current_version where d.id = ?",
                Long.class,
                declarationId);
        return id == null ? 0 : id;
    }

    public boolean anyDemo() {
        Integer n = jdbc.queryForObject("select count(*) from declaration where demo", Integer.class);
        return n != null && n > 0;
    }

    private static String like(String text) {
        return "%"
                + text.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
