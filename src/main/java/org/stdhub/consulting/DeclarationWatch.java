package org.stdhub.consulting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.CatalogChange;
import org.stdhub.catalog.CatalogChanges;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardChange;
import org.stdhub.catalog.StandardRef;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.consulting.declaration.DeclarationStore;
import org.stdhub.platform.StateChanged;

/**
 * Flags declarations whose catalog standards an import withdrew or replaced, on the public listing until the
 * declaration is updated (flags belong to the version that was current). Reads the import's changes as compliance's
 * watch does ({@link CatalogChanges#inBatch}); the alert to the enterprise comes from its watchlist (compliance). A
 * flag's cause key names the catalog change, so handling the same import again flags nothing twice.
 */
@Service
public class DeclarationWatch {

    private static final Logger log = LoggerFactory.getLogger(DeclarationWatch.class);

    private final CatalogChanges changes;
    private final CatalogService catalog;
    private final DeclarationStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeclarationWatch(
            CatalogChanges changes,
            CatalogService catalog,
            DeclarationStore store,
            ApplicationEventPublisher events,
            Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Asynchronously, in its own transaction, retried from the event publication registry when it fails. */
    @ApplicationModuleListener
    void on(CatalogUpdated event) {
        int flagged = flag(event.importBatchId());
        if (flagged > 0) {
            log.info("import batch {}: {} declaration flags raised", event.importBatchId(), flagged);
        }
    }

    /** A declared standard one change concerns: withdrawn (related: its replacement) or replaced by a new one. */
    private record Hit(String designation, String kind, String related, StandardChange change) {}

    /** Flags the declarations import {@code importBatchId} concerns; idempotent. Returns how many flags were new. */
    @Transactional
    public int flag(long importBatchId) {
        List<Hit> hits = new ArrayList<>();
        for (CatalogChange c : changes.inBatch(importBatchId)) {
            StandardChange change = c.change();
            if (change.kind() == StandardChange.Kind.STATUS && StandardStatus.WITHDRAWN.is(change.statusAfter())) {
                hits.add(new Hit(change.designation(), "WITHDRAWN", null, change));
            } else if (change.kind() == StandardChange.Kind.NEW) {
                for (CatalogChange.ChainLink link : c.older()) {
                    if (link.depth() > 0) {
                        hits.add(new Hit(link.designation(), "REPLACED", change.designation(), change));
                    }
                }
            }
        }
        if (hits.isEmpty()) {
            return 0;
        }
        // a standard withdrawn in this import is flagged once, as withdrawn (with its replacement), not again as
        // replaced by the new edition that the same import brought
        Set<String> withdrawn = new java.util.HashSet<>();
        hits.stream().filter(h -> h.kind().equals("WITHDRAWN")).forEach(h -> withdrawn.add(h.designation()));
        hits.removeIf(h -> h.kind().equals("REPLACED") && withdrawn.contains(h.designation()));
        Set<String> designations = new LinkedHashSet<>();
        hits.forEach(h -> designations.add(h.designation()));
        Map<String, List<DeclarationStore.Declared>> declared = new HashMap<>();
        store.currentlyDeclared(designations)
                .forEach(d -> declared.computeIfAbsent(d.designation(), k -> new ArrayList<>())
                        .add(d));
        Map<String, String> replacements = new HashMap<>();
        int count = 0;
        for (Hit hit : hits) {
            for (DeclarationStore.Declared d : declared.getOrDefault(hit.designation(), List.of())) {
                if (d.declaredAt().isAfter(hit.change().changedAt())) {
                    continue; // declared after the change: the check at declaration time saw it
                }
                String related = hit.related() != null
                        ? hit.related()
                        : replacements.computeIfAbsent(hit.designation(), this::currentReplacement);
                if (store.flag(
                        d.versionId(),
                        "change:" + hit.change().id(),
                        hit.kind(),
                        hit.designation(),
                        related == null || related.isEmpty() ? null : related,
                        clock.instant())) {
                    count++;
                    events.publishEvent(StateChanged.of(Declarations.AUDIT_TYPE, d.declarationId(), "flagged")
                            .withChange(hit.kind().toLowerCase(java.util.Locale.ROOT), null, hit.designation()));
                }
            }
        }
        return count;
    }

    private String currentReplacement(String designation) {
        return Designation.tryParse(designation)
                .flatMap(d -> catalog.currentReplacements(d).stream()
                        .map(StandardRef::designation)
                        .sorted()
                        .findFirst())
                .orElse("");
    }
}
