package org.stdhub.compliance.watch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.catalog.CatalogChange;
import org.stdhub.catalog.CatalogChanges;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardChange;
import org.stdhub.catalog.StandardRef;
import org.stdhub.catalog.StandardStatus;

/**
 * Turns catalog changes into alerts. The catalog tells what an import changed with the facts that matter
 * ({@link CatalogChanges#inBatch}: the changed standard's work, replacement chains of any number of hops, classes
 * and committee); this finds the lists that follow the changed standard's work, anything in its replacement chain,
 * or — for a new standard — its ICS/CCS class or committee; then the adoption gaps the import opened. Each alert's
 * dedup key names its cause, so handling the same import again raises nothing twice.
 */
@Component
class AlertRaiser {

    private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);

    private final CatalogChanges changes;
    private final CatalogService catalog;
    private final AdoptionDrift drift;
    private final Followers followers;
    private final AlertStore store;
    private final AlertMail mail;
    private final Clock clock;

    AlertRaiser(
            CatalogChanges changes,
            CatalogService catalog,
            AdoptionDrift drift,
            Followers followers,
            AlertStore store,
            AlertMail mail,
            Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.drift = drift;
        this.followers = followers;
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

    /**
     * Raises the alerts of import {@code importBatchId} (e-mails of lists that want them at once go out after the
     * commit). Idempotent.
     *
     * @return how many alerts were new
     */
    @Transactional
    public int raise(long importBatchId) {
        if (!followers.any()) {
            return 0;
        }
        List<CatalogChange> changed = changes.inBatch(importBatchId);
        Set<String> works = new HashSet<>();
        for (CatalogChange c : changed) {
            c.older().forEach(link -> works.add(link.workKey()));
            c.newer().forEach(link -> works.add(link.workKey()));
        }
        Map<String, List<Followers.Follower>> ofWorks = followers.ofWorks(works);
        boolean anyNew = changed.stream().anyMatch(c -> c.change().kind() == StandardChange.Kind.NEW);
        List<Followers.Follower> ofClasses = anyNew ? followers.ofClassesAndCommittees() : List.of();

        List<Alert.New> alerts = new ArrayList<>();
        Map<Long, Optional<StandardRef>> replacements = new HashMap<>();
        for (CatalogChange c : changed) {
            Map<Long, List<Match>> byList = matches(c, ofWorks, ofClasses);
            byList.forEach((watchlistId, found) ->
                    decide(c.change(), watchlistId, found, replacements).ifPresent(alerts::add));
        }
        alerts.addAll(driftAlerts(importBatchId));
        AlertStore.Raised raised = store.raise(alerts, clock.instant());
        if (raised.count() > 0) {
            mail.sendImmediatelyAfterCommit(raised.watchlists());
        }
        return raised.count();
    }

    /**
     * What of each list one change touches: followed works along its replacement chains (older, then newer), then —
     * for a new standard — followed ICS classes, CCS classes and committees that cover it.
     */
    private static Map<Long, List<Match>> matches(
            CatalogChange c, Map<String, List<Followers.Follower>> ofWorks, List<Followers.Follower> ofClasses) {
        Map<Long, List<Match>> byList = new LinkedHashMap<>();
        for (CatalogChange.ChainLink link : c.older()) {
            for (Followers.Follower f : ofWorks.getOrDefault(link.workKey(), List.of())) {
                add(
                        byList,
                        c,
                        f,
                        new Match(WatchItemKind.STANDARD, f.itemValue(), link.depth(), false, link.designation()));
            }
        }
        for (CatalogChange.ChainLink link : c.newer()) {
            for (Followers.Follower f : ofWorks.getOrDefault(link.workKey(), List.of())) {
                add(
                        byList,
                        c,
                        f,
                        new Match(WatchItemKind.STANDARD, f.itemValue(), link.depth(), true, link.designation()));
            }
        }
        if (c.change().kind() == StandardChange.Kind.NEW) {
            for (WatchItemKind kind : List.of(WatchItemKind.ICS, WatchItemKind.CCS, WatchItemKind.COMMITTEE)) {
                List<String> codes = switch (kind) {
                    case ICS -> c.ics();
                    case CCS -> c.ccs();
                    default -> c.committee() == null ? List.of() : List.of(c.committee());
                };
                for (Followers.Follower f : ofClasses) {
                    if (f.kind() == kind && codes.stream().anyMatch(f::covers)) {
                        add(byList, c, f, new Match(kind, f.itemValue(), 0, false, null));
                    }
                }
            }
        }
        return byList;
    }

    /**
     * Records a match, unless the item was followed only after the change: a list is told of what changes while it
     * follows, not of an import whose alerts happened to be raised after the list was made.
     */
    private static void add(Map<Long, List<Match>> byList, CatalogChange c, Followers.Follower follower, Match match) {
        if (follower.since() != null && follower.since().isAfter(c.change().changedAt())) {
            return;
        }
        byList.computeIfAbsent(follower.watchlistId(), k -> new ArrayList<>(2)).add(match);
    }

    /** Which alert, if any, one change means for one list, given what of the list it touched. */
    private Optional<Alert.New> decide(
            StandardChange change, long watchlistId, List<Match> found, Map<Long, Optional<StandardRef>> replacements) {
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
                    if (StandardStatus.WITHDRAWN.is(change.statusAfter())) {
                        Optional<StandardRef> replacement = replacements.computeIfAbsent(
                                change.standardId(), id -> currentReplacement(designation));
                        // the replacement's status and date in force: "replaced by X, in force from …" when upcoming
                        return Optional.of(new Alert.New(
                                watchlistId,
                                dedup,
                                AlertKind.WITHDRAWN,
                                designation,
                                replacement.map(StandardRef::designation).orElse(null),
                                replacement
                                        .map(r -> List.of(nullToEmpty(r.status()), nullToEmpty(r.implemented())))
                                        .orElse(List.of())));
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

    /**
     * What replaces the standard today: the standards in force at the end of its chain, else (none in force yet)
     * the furthest, e.g. an upcoming one; the first by designation.
     */
    private Optional<StandardRef> currentReplacement(String designation) {
        return Designation.tryParse(designation)
                .flatMap(d ->
                        catalog.currentReplacements(d).stream().min(Comparator.comparing(StandardRef::designation)));
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
        followers
                .ofWorks(workKeys)
                .forEach((work, items) -> items.forEach(f ->
                        watchers.computeIfAbsent(work, k -> new TreeSet<>()).add(f.watchlistId())));
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
