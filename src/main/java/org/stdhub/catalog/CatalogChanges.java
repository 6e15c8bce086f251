package org.stdhub.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an import changed, with the facts other modules need to react to it (watchlist alerts): read in a few
 * set-based queries per import, replacement chains walked in the database with recursive queries.
 */
@Service
@Transactional(readOnly = true)
public class CatalogChanges {

    /** Standards in the replacement chain towards older editions (the changed one at depth 0). */
    private static final String OLDER = "with recursive chain(change_id, sid, depth) as ("
            + " select c.id, c.standard_id, 0 from standard_change c where c.batch_id = ? and c.kind in ('NEW', 'STATUS')"
            + " union"
            + " select ch.change_id, e.older_id, ch.depth + 1 from chain ch join replacement_edge e on e.newer_id = ch.sid"
            + " where ch.depth < " + ReplacementChain.MAX_DEPTH
            + ") select ch.change_id, r.designation, r.work_key, min(ch.depth)"
            + " from chain ch join standard r on r.id = ch.sid group by ch.change_id, r.id, r.designation, r.work_key";

    /** Standards in the replacement chain towards newer editions, of re-statused standards. */
    private static final String NEWER = "with recursive chain(change_id, sid, depth) as ("
            + " select c.id, c.standard_id, 0 from standard_change c where c.batch_id = ? and c.kind = 'STATUS'"
            + " union"
            + " select ch.change_id, e.newer_id, ch.depth + 1 from chain ch join replacement_edge e on e.older_id = ch.sid"
            + " where ch.depth < " + ReplacementChain.MAX_DEPTH
            + ") select ch.change_id, r.designation, r.work_key, min(ch.depth)"
            + " from chain ch join standard r on r.id = ch.sid where ch.depth > 0"
            + " group by ch.change_id, r.id, r.designation, r.work_key";

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final CatalogService catalog;

    CatalogChanges(JdbcTemplate jdbc, CatalogService catalog) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.catalog = catalog;
    }

    /** Every change of import {@code importBatchId}, in change log order, with its facts. */
    public List<CatalogChange> inBatch(long importBatchId) {
        List<StandardChange> changes = catalog.changesIn(importBatchId);
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<Long, ChangedStandard> standards = new HashMap<>();
        sql.sql("select c.id as changeId, s.work_key as workKey, s.committee from standard_change c"
                        + " join standard s on s.id = c.standard_id where c.batch_id = ?")
                .param(importBatchId)
                .query(ChangedStandard.class)
                .list()
                .forEach(standard -> standards.put(standard.changeId(), standard));
        Map<Long, List<String>> ics = codes("standard_ics", importBatchId);
        Map<Long, List<String>> ccs = codes("standard_ccs", importBatchId);
        Map<Long, List<CatalogChange.ChainLink>> older = chains(OLDER, importBatchId);
        Map<Long, List<CatalogChange.ChainLink>> newer = chains(NEWER, importBatchId);
        List<CatalogChange> result = new ArrayList<>(changes.size());
        for (StandardChange c : changes) {
            ChangedStandard standard = standards.getOrDefault(c.id(), ChangedStandard.NONE);
            result.add(new CatalogChange(
                    c,
                    standard.workKey(),
                    standard.committee(),
                    ics.getOrDefault(c.id(), List.of()),
                    ccs.getOrDefault(c.id(), List.of()),
                    older.getOrDefault(c.id(), List.of()),
                    newer.getOrDefault(c.id(), List.of())));
        }
        return result;
    }

    /** What a change's standard holds that alerts need, mapped by column name (the query's aliases). */
    private record ChangedStandard(long changeId, String workKey, String committee) {
        static final ChangedStandard NONE = new ChangedStandard(0, null, null);
    }

    private Map<Long, List<String>> codes(String table, long batchId) {
        Map<Long, List<String>> codes = new HashMap<>();
        jdbc.query(
                "select c.id, i.code from standard_change c join " + table + " i on i.standard_id = c.standard_id"
                        + " where c.batch_id = ? order by c.id, i.code",
                rs -> {
                    codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                            .add(rs.getString(2));
                },
                batchId);
        return codes;
    }

    private Map<Long, List<CatalogChange.ChainLink>> chains(String sql, long batchId) {
        Map<Long, List<CatalogChange.ChainLink>> chains = new HashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    chains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                            .add(new CatalogChange.ChainLink(rs.getString(2), rs.getString(3), rs.getInt(4)));
                },
                batchId);
        Comparator<CatalogChange.ChainLink> nearestFirst = Comparator.comparingInt(CatalogChange.ChainLink::depth)
                .thenComparing(CatalogChange.ChainLink::designation);
        chains.values().forEach(list -> list.sort(nearestFirst));
        return chains;
    }
}
