package org.stdhub.compliance.watch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardChange;

/**
 * Turns catalog changes into alerts. For each change of an import it finds, in a few set-based queries, the lists
 * that follow the changed standard's work, anything in its replacement chain (any number of hops), or — for a new
 * standard — its ICS/CCS class or committee; then the adoption gaps the import opened. Each alert's dedup key names
 * its cause, so handling the same import again raises nothing twice.
 */
@Component
class AlertRaiser {

    private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);

    /** Same cut-off as the catalog's own chain walk: protects against cycles in source data. */
    private static final int MAX_DEPTH = 50;

    /** Standards in the replacement chain towards older editions, of new and re-statused standards. */
    private static final String OLDER_IN_CHAIN = "with recursive chain(change_id, sid, depth) as ("
            + " select c.id, c.standard_id, 0 from standard_change c where c.batch_id = ? and c.kind in ('NEW', 'STATUS')"
            + " union"
            + " select ch.change_id, e.older_id, ch.depth + 1 from chain ch join replacement_edge e on e.newer_id = ch.sid"
            + " where ch.depth < " + MAX_DEPTH
            + ") select ch.change_id, w.watchlist_id, w.item_value, ch.depth, r.designation"
            + " from chain ch join standard r on r.id = ch.sid"
            + " join watch_item w on w.kind = 'STANDARD' and w.work_key = r.work_key";

    /** Standards in the replacement chain towards newer editions, of re-statused standards. */
    private static final String NEWER_IN_CHAIN = "with recursive chain(change_id, sid, depth) as ("
            + " select c.id, c.standard_id, 0 from standard_change c where c.batch_id = ? and c.kind = 'STATUS'"
            + " union"
            + " select ch.change_id, e.newer_id, ch.depth + 1 from chain ch join replacement_edge e on e.older_id = ch.sid"
            + " where ch.depth < " + MAX_DEPTH
            + ") select ch.change_id, w.watchlist_id, w.item_value, ch.depth, r.designation"
            + " from chain ch join standard r on r.id = ch.sid"
            + " join watch_item w on w.kind = 'STANDARD' and w.work_key = r.work_key"
            + " where ch.depth > 0";

    private static final String IN_ICS = "select c.id, w.watchlist_id, w.item_value from standard_change c"
            + " join standard_ics i on i.standard_id = c.standard_id"
            + " join watch_item w on w.kind = 'ICS' and (w.item_value = i.code or i.code like w.item_value || '.%')"
            + " where c.batch_id = ? and c.kind = 'NEW'";

    private static final String IN_CCS = "select c.id, w.watchlist_id, w.item_value from standard_change c"
            + " join standard_ccs i on i.standard_id = c.standard_id"
            + " join watch_item w on w.kind = 'CCS'"
            + " and (w.item_value = i.code or (length(w.item_value) = 1 and i.code like w.item_value || '%'))"
            + " where c.batch_id = ? and c.kind = 'NEW'";

    private static final String BY_COMMITTEE = "select c.id, w.watchlist_id, w.item_value from standard_change c"
            + " join standard s on s.id = c.standard_id"
            + " join watch_item w on w.kind = 'COMMITTEE'"
            + " and (upper(s.committee) = upper(w.item_value) or upper(s.committee) like upper(w.item_value) || '/%')"
            + " where c.batch_id = ? and c.kind = 'NEW' and s.committee is not null";

    private final JdbcTemplate jdbc;
    private final CatalogService catalog;
    private final AdoptionDrift drift;
    private final AlertStore store;
    private final AlertMail mail;
    private final Clock clock;

    AlertRaiser(
            JdbcTemplate jdbc,
            CatalogService catalog,
            AdoptionDrift drift,
            AlertStore store,
            AlertMail mail,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.drift = drift;
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    /** Asynchronously, in its own transaction, retried from the event publication registry when it fails. */
    @ApplicationModuleListener
    void on(CatalogUpdated event) {
        int raised = raise(event.importBatchId());
        if (raised > 0) {
            log.info("import batch {}: {} alerts raised", event.importBatchId(), raised);
        }
    }

    /** A match of one change with one followed item of one list. */
    private record Match(WatchItemKind kind, String itemValue, int depth, boolean newer, String relatedDesignation) {}

    private record Pair(long changeId, long watchlistId) {}

    /**
     * Raises the alerts of import {@code importBatchId} (e-mails of lists that want them at once go out after the
     * commit). Idempotent.
     *
     * @return how many alerts were new
     */
    @Transactional
    public int raise(long importBatchId) {
        Integer anything =
                jdbc.queryForObject("select count(*) from (select 1 from watch_item limit 1) x", Integer.class);
        if (anything == null || anything == 0) {
            return 0;
        }
        Map<Pair, List<Match>> matches = new LinkedHashMap<>();
        jdbc.query(
                OLDER_IN_CHAIN,
                rs -> {
                    add(
                            matches,
                            rs.getLong(1),
                            rs.getLong(2),
                            new Match(WatchItemKind.STANDARD, rs.getString(3), rs.getInt(4), false, rs.getString(5)));
                },
                importBatchId);
        jdbc.query(
                NEWER_IN_CHAIN,
                rs -> {
                    add(
                            matches,
                            rs.getLong(1),
                            rs.getLong(2),
                            new Match(WatchItemKind.STANDARD, rs.getString(3), rs.getInt(4), true, rs.getString(5)));
                },
                importBatchId);
        classMatches(matches, IN_ICS, WatchItemKind.ICS, importBatchId);
        classMatches(matches, IN_CCS, WatchItemKind.CCS, importBatchId);
        classMatches(matches, BY_COMMITTEE, WatchItemKind.COMMITTEE, importBatchId);

        List<Alert.New> alerts = new ArrayList<>();
        if (!matches.isEmpty()) {
            Map<Long, StandardChange> changes = new HashMap<>();
            for (StandardChange c : catalog.changesIn(importBatchId)) {
                changes.put(c.id(), c);
            }
            Map<Long, Optional<String>> replacements = new HashMap<>();
            matches.forEach((pair, found) -> {
                StandardChange change = changes.get(pair.changeId());
                if (change != null) {
                    decide(change, pair.watchlistId(), found, replacements).ifPresent(alerts::add);
                }
            });
        }
        alerts.addAll(driftAlerts(importBatchId));
        AlertStore.Raised raised = store.raise(alerts, clock.instant());
        if (raised.count() > 0) {
            mail.sendImmediatelyAfterCommit(raised.watchlists());
        }
        return raised.count();
    }

    private void classMatches(Map<Pair, List<Match>> matches, String sql, WatchItemKind kind, long batchId) {
        jdbc.query(
                sql,
                rs -> {
                    add(matches, rs.getLong(1), rs.getLong(2), new Match(kind, rs.getString(3), 0, false, null));
                },
                batchId);
    }

    private static void add(Map<Pair, List<Match>> matches, long changeId, long watchlistId, Match match) {
        matches.computeIfAbsent(new Pair(changeId, watchlistId), k -> new ArrayList<>(2))
                .add(match);
    }

    /** Which alert, if any, one change means for one list, given what of the list it touched. */
    private Optional<Alert.New> decide(
            StandardChange change, long watchlistId, List<Match> found, Map<Long, Optional<String>> replacements) {
        String dedup = "change:" + change.id();
        String designation = change.designation();
        List<Match> standards =
                found.stream().filter(m -> m.kind() == WatchItemKind.STANDARD).toList();
        if (!standards.isEmpty()) {
            switch (change.kind()) {
                case NEW -> {
                    boolean amendment = Designation.tryParse(designation)
                            .map(d -> !d.amendments().isEmpty())
                            .orElse(false);
                    Optional<Match> sameWork =
                            standards.stream().filter(m -> m.depth() == 0).findFirst();
                    if (amendment && sameWork.isPresent()) {
                        return Optional.of(new Alert.New(
                                watchlistId,
                                dedup,
                                AlertKind.AMENDED,
                                designation,
                                sameWork.get().itemValue(),
                                List.of()));
                    }
                    if (sameWork.isPresent()) {
                        return Optional.of(new Alert.New(
                                watchlistId,
                                dedup,
                                AlertKind.NEW_EDITION,
                                designation,
                                sameWork.get().itemValue(),
                                List.of()));
                    }
                    Optional<Match> replaced =
                            standards.stream().filter(m -> !m.newer()).min(Comparator.comparingInt(Match::depth));
                    if (replaced.isPresent()) {
                        return Optional.of(new Alert.New(
                                watchlistId,
                                dedup,
                                AlertKind.REPLACED,
                                designation,
                                replaced.get().relatedDesignation(),
                                List.of()));
                    }
                }
                case STATUS -> {
                    if ("withdrawn".equals(change.statusAfter())) {
                        String replacement = replacements
                                .computeIfAbsent(change.standardId(), id -> currentReplacement(designation))
                                .orElse(null);
                        return Optional.of(new Alert.New(
                                watchlistId, dedup, AlertKind.WITHDRAWN, designation, replacement, List.of()));
                    }
                    return Optional.of(new Alert.New(
                            watchlistId,
                            dedup,
                            AlertKind.STATUS_CHANGED,
                            designation,
                            null,
                            List.of(nullToEmpty(change.statusBefore()), nullToEmpty(change.statusAfter()))));
                }
                case UPDATED -> {
                    // other fields of a followed standard changed: not worth an alert
                }
            }
        }
        if (change.kind() == StandardChange.Kind.NEW) {
            Optional<Match> inClass = found.stream()
                    .filter(m -> m.kind() != WatchItemKind.STANDARD)
                    .findFirst();
            if (inClass.isPresent()) {
                return Optional.of(new Alert.New(
                        watchlistId,
                        dedup,
                        AlertKind.NEW_IN_CLASS,
                        designation,
                        inClass.get().itemValue(),
                        List.of(inClass.get().kind().name())));
            }
        }
        return Optional.empty();
    }

    private Optional<String> currentReplacement(String designation) {
        Optional<Standard> standard = Designation.tryParse(designation).flatMap(catalog::find);
        return standard.flatMap(s -> catalog.currentReplacements(s).stream()
                .map(Standard::getDesignation)
                .sorted()
                .findFirst());
    }

    /** ADOPTION_DRIFT alerts for the lists that follow a Chinese standard whose adopted standard moved on. */
    private List<Alert.New> driftAlerts(long importBatchId) {
        List<AdoptionDrift.Gap> gaps = drift.inBatch(importBatchId);
        if (gaps.isEmpty()) {
            return List.of();
        }
        List<String> workKeys = new ArrayList<>(new TreeSet<>(
                gaps.stream().map(AdoptionDrift.Gap::chineseWorkKey).toList()));
        Map<String, Set<Long>> watchers = new HashMap<>();
        for (int from = 0; from < workKeys.size(); from += 1000) {
            List<String> chunk = workKeys.subList(from, Math.min(workKeys.size(), from + 1000));
            jdbc.query(
                    "select work_key, watchlist_id from watch_item where kind = 'STANDARD' and work_key in ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        watchers.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                                .add(rs.getLong(2));
                    },
                    chunk.toArray());
        }
        List<Alert.New> alerts = new ArrayList<>();
        for (AdoptionDrift.Gap gap : gaps) {
            String target = gap.currentId() != null ? String.valueOf(gap.currentId()) : "withdrawn-" + gap.adoptedId();
            for (long watchlistId : watchers.getOrDefault(gap.chineseWorkKey(), Set.of())) {
                alerts.add(new Alert.New(
                        watchlistId,
                        "drift:" + gap.chineseId() + ":" + target,
                        AlertKind.ADOPTION_DRIFT,
                        gap.chineseDesignation(),
                        gap.currentDesignation(),
                        List.of(
                                gap.adoptedDesignation(),
                                gap.yearsBehind() == null ? "" : String.valueOf(gap.yearsBehind()))));
            }
        }
        return alerts;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
