package org.stdhub.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.search.StandardSearch;
import org.stdhub.platform.DatabaseProduct;

/** The catalog's public face: find a standard by what a person typed, its details, chains and search. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    /** A change log entry with, for a hand edit, who made it and why ({@code standard_edit}). */
    private static final String CHANGE_COLUMNS =
            "select c.id, c.batch_id, c.standard_id, c.designation, c.kind, c.status_before, c.status_after,"
                    + " c.changed_at, e.editor, e.reason from standard_change c left join standard_edit e"
                    + " on e.batch_id = c.batch_id and e.standard_id = c.standard_id";

    private final StandardRepository standards;
    private final JdbcTemplate jdbc;
    private final StandardSearch search;
    private final DatabaseProduct database;

    CatalogService(StandardRepository standards, JdbcTemplate jdbc, StandardSearch search, DatabaseProduct database) {
        this.database = database;
        this.standards = standards;
        this.jdbc = jdbc;
        this.search = search;
    }

    /** A search of the index (no database read, so no transaction of its own). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public StandardSearchResult search(StandardSearchQuery query) {
        return search.search(query, true);
    }

    /** A search without facet counts (much cheaper on large result sets), for callers that only need hits. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public StandardSearchResult searchHits(StandardSearchQuery query) {
        return search.search(query, false);
    }

    /**
     * The standard a person means by {@code text}: the exact edition when a year is given, otherwise the
     * edition in force (or the newest one).
     *
     * @throws DesignationParseException when the text is not a designation
     */
    public Optional<Standard> find(String text) {
        Designation designation = Designation.parse(text);
        return find(designation);
    }

    public Optional<Standard> find(Designation designation) {
        Optional<Standard> exact = standards.findByDesignationKey(designation.compactKey());
        if (exact.isPresent() || designation.year() != null) {
            return exact;
        }
        return Editions.STANDARDS.preferred(standards.findByWorkKey(designation.compactWorkKey()), false);
    }

    /** All editions of the same document (same designation without year), newest first. */
    public List<Standard> editions(Designation designation) {
        List<Standard> list = new ArrayList<>(standards.findByWorkKey(designation.compactWorkKey()));
        list.sort(Comparator.comparing(Standard::getYear, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        return list;
    }

    public StandardDetail detail(String text) {
        Standard s = find(text).orElseThrow(() -> new StandardNotFoundException(text));
        return detail(s);
    }

    public StandardDetail detail(Standard s) {
        List<StandardRef> replaces = new ArrayList<>();
        List<StandardRef> replacedBy = new ArrayList<>();
        List<StandardRef> amendedBy = new ArrayList<>();
        for (StandardRelation r : s.getRelations()) {
            StandardRef ref = r.getTarget() != null
                    ? StandardRef.of(r.getTarget())
                    : StandardRef.textOnly(r.getTargetDesignation());
            switch (r.getKind()) {
                case REPLACES -> replaces.add(ref);
                case REPLACED_BY -> replacedBy.add(ref);
                case AMENDED_BY -> amendedBy.add(ref);
            }
        }
        // the other side of a relation recorded only on the other standard
        for (Standard older : relatedBy(s.getId(), "REPLACED_BY")) {
            addOnce(replaces, StandardRef.of(older));
        }
        for (Standard newer : relatedBy(s.getId(), "REPLACES")) {
            addOnce(replacedBy, StandardRef.of(newer));
        }
        List<StandardDetail.AdoptionRef> adoptions = s.getAdoptions().stream()
                .map(a -> new StandardDetail.AdoptionRef(
                        a.getInternationalStandard() != null
                                ? StandardRef.of(a.getInternationalStandard())
                                : StandardRef.textOnly(a.getInternationalDesignation()),
                        a.getDegree().name()))
                .toList();
        List<StandardDetail.AdoptionRef> adoptedBy = s.getAdoptedBy().stream()
                .map(a -> new StandardDetail.AdoptionRef(
                        StandardRef.of(a.getStandard()), a.getDegree().name()))
                .toList();
        Classifications classes = Classifications.get();
        List<StandardDetail.ClassRef> ics = s.getIcs().stream()
                .map(code -> classes.ics(code)
                        .map(c -> new StandardDetail.ClassRef(code, c.titleZh(), c.titleEn()))
                        .orElse(new StandardDetail.ClassRef(code, null, null)))
                .toList();
        List<StandardDetail.ClassRef> ccs = s.getCcs().stream()
                .map(code -> classes.ccs(code)
                        .map(c -> new StandardDetail.ClassRef(code, c.titleZh(), null))
                        .orElse(new StandardDetail.ClassRef(code, null, null)))
                .toList();
        Designation designation = Designation.parse(s.getDesignation());
        List<StandardRef> otherEditions = editions(designation).stream()
                .filter(e -> !e.getId().equals(s.getId()))
                .map(StandardRef::of)
                .toList();
        SourceLicence licence = SourceLicence.of(s.getSource());
        return new StandardDetail(
                s.getDesignation(),
                s.getBody(),
                s.getPrefix(),
                s.getKind().code(),
                s.getDocType(),
                s.getPublisher(),
                s.getTitleZh(),
                s.getTitleEn(),
                s.getStatus(),
                s.getStatusRaw(),
                s.getPublished(),
                s.getImplemented(),
                s.getImplementedNote(),
                s.getWithdrawn(),
                s.getCommittee(),
                s.getCategory(),
                ics,
                ccs,
                replaces,
                replacedBy,
                amendedBy,
                adoptions,
                adoptedBy,
                replacementChain(s),
                otherEditions,
                new StandardDetail.Provenance(
                        s.getSource(),
                        licence.licence(),
                        licence.note(),
                        s.getImportBatchId(),
                        mergedSources(s.getId())),
                changesOf(s.getId()));
    }

    /** The fields other sources added to this standard (overlays), oldest merge first. */
    private List<StandardDetail.MergedSource> mergedSources(long id) {
        return jdbc.query(
                "select source, fields, import_batch_id from standard_source where standard_id = ? order by id",
                (rs, n) -> new StandardDetail.MergedSource(
                        rs.getString(1),
                        SourceLicence.of(rs.getString(1)).licence(),
                        List.of(rs.getString(2).split(",")),
                        rs.getLong(3)),
                id);
    }

    private static void addOnce(List<StandardRef> list, StandardRef ref) {
        if (list.stream().noneMatch(r -> r.designation().equals(ref.designation()))) {
            list.add(ref);
        }
    }

    private List<Standard> relatedBy(long id, String kind) {
        List<Long> ids = jdbc.queryForList(
                "select standard_id from standard_relation where target_id = ? and kind = ?", Long.class, id, kind);
        return ids.isEmpty() ? List.of() : standards.findByIdIn(ids);
    }

    /**
     * The replacement timeline through this standard: every predecessor and successor, any number of hops,
     * walked in the database with a recursive query, oldest first.
     */
    public List<StandardDetail.ChainLink> replacementChain(Standard s) {
        Map<Long, Integer> positions = new HashMap<>();
        positions.put(s.getId(), 0);
        walk(s.getId(), true).depths().forEach((id, depth) -> positions.merge(id, -depth, Math::min));
        walk(s.getId(), false).depths().forEach((id, depth) -> positions.merge(id, depth, Math::max));
        if (positions.size() == 1) {
            return List.of();
        }
        Map<Long, Standard> loaded = standards.findByIdIn(positions.keySet()).stream()
                .collect(Collectors.toMap(Standard::getId, Function.identity()));
        return positions.entrySet().stream()
                .filter(e -> loaded.containsKey(e.getKey()))
                .sorted(Map.Entry.<Long, Integer>comparingByValue()
                        .thenComparing(e -> loaded.get(e.getKey()).getDesignation()))
                .map(e -> new StandardDetail.ChainLink(
                        StandardRef.of(loaded.get(e.getKey())),
                        e.getValue(),
                        e.getKey().equals(s.getId())))
                .toList();
    }

    /** The chain from {@code id} towards older (or newer) editions, walked in the database. */
    public ReplacementChain walk(long id, boolean towardsOlder) {
        Map<Long, Integer> result = new HashMap<>();
        jdbc.query(
                ReplacementChain.walkQuery(towardsOlder, database.postgres()),
                rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                },
                id,
                id);
        return new ReplacementChain(id, result);
    }

    /**
     * The standards in force today that replace {@code s}, following the chain to its end (several hops);
     * empty when nothing in the catalog replaces it.
     */
    public List<Standard> currentReplacements(Standard s) {
        ReplacementChain newer = walk(s.getId(), false);
        if (newer.isEmpty()) {
            return List.of();
        }
        return newer.replacements(standards.findByIdIn(newer.ids()), Standard::getId, Standard::getStatus, false, null);
    }

    /**
     * The standards in force today that replace the one {@code designation} names (see {@link #find(Designation)}),
     * following the chain to its end; empty when it is not in the catalog or nothing replaces it. For other modules,
     * which see references, never the entities.
     */
    public List<StandardRef> currentReplacements(Designation designation) {
        return find(designation)
                .map(s -> currentReplacements(s).stream().map(StandardRef::of).toList())
                .orElse(List.of());
    }

    /** Export rows of the first {@code limit} results of a search, read from the database in result order. */
    public List<ExportRow> exportRows(StandardSearchQuery query, int limit) {
        List<Long> ids = search.searchIds(query, limit);
        Map<Long, Standard> loaded = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            standards
                    .findByIdIn(ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(s -> loaded.put(s.getId(), s));
        }
        List<ExportRow> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Standard s = loaded.get(id);
            if (s != null) {
                rows.add(ExportRow.of(s));
            }
        }
        return rows;
    }

    /** The standard's own history in the catalog: each import that added or changed it, newest first. */
    public List<StandardChange> changesOf(long standardId) {
        return jdbc.query(
                CHANGE_COLUMNS + " where c.standard_id = ? order by c.id desc", CatalogService::change, standardId);
    }

    /** What import {@code importBatchId} changed, standard by standard. */
    public List<StandardChange> changesIn(long importBatchId) {
        return jdbc.query(
                CHANGE_COLUMNS + " where c.batch_id = ? order by c.id", CatalogService::change, importBatchId);
    }

    /**
     * A change from its row ({@link #CHANGE_COLUMNS}). By hand rather than through record mapping: PostgreSQL's
     * driver cannot read a timestamp as an {@code Instant}.
     */
    private static StandardChange change(ResultSet rs, int row) throws SQLException {
        return new StandardChange(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                StandardChange.Kind.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getString(10));
    }

    public long count() {
        return standards.count();
    }
}
