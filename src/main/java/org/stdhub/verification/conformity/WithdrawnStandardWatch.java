package org.stdhub.verification.conformity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stdhub.catalog.CatalogChange;
import org.stdhub.catalog.CatalogChanges;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardChange;
import org.stdhub.catalog.StandardRef;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.StateChanged;

/**
 * Flags conformity tests whose standard the catalog withdrew or replaced, like watchlist alerts do: on each import
 * ({@link CatalogUpdated}) the batch's changes are read through the catalog's API ({@link CatalogChanges}); a
 * standard whose status became withdrawn, and every standard a new one replaces (any number of hops), flags the
 * tested standard lines of that edition, leaves a notice on each request's page and e-mails the person who asked
 * (after the commit). Idempotent: a line is flagged once, a notice recorded once per request, change and standard.
 */
@Component
public class WithdrawnStandardWatch {

    private static final Logger log = LoggerFactory.getLogger(WithdrawnStandardWatch.class);
    static final String AUDIT_TYPE = "conformity-test";

    /** A standard the import withdrew or replaced. */
    record Affected(String designation, String kind, String related, long changeId) {}

    /** An e-mail to send after the commit. */
    record Letter(long personId, long requestId, String designation, String kind, String related) {}

    private final CatalogChanges changes;
    private final CatalogService catalog;
    private final ConformityStore store;
    private final Recipients recipients;
    private final Mailer mailer;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    WithdrawnStandardWatch(
            CatalogChanges changes,
            CatalogService catalog,
            ConformityStore store,
            Recipients recipients,
            Mailer mailer,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.store = store;
        this.recipients = recipients;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /** Asynchronously, in its own transaction, retried from the event publication registry when it fails. */
    @ApplicationModuleListener
    void on(CatalogUpdated event) {
        int flagged = flag(event.importBatchId());
        if (flagged > 0) {
            log.info(
                    "import batch {}: {} conformity test requests told of withdrawn or replaced standards",
                    event.importBatchId(),
                    flagged);
        }
    }

    /**
     * Flags what import {@code importBatchId} withdrew or replaced.
     *
     * @return how many notices were new
     */
    @Transactional
    public int flag(long importBatchId) {
        Map<String, Affected> affected = new HashMap<>();
        for (CatalogChange c : changes.inBatch(importBatchId)) {
            StandardChange change = c.change();
            if (change.kind() == StandardChange.Kind.STATUS && StandardStatus.WITHDRAWN.is(change.statusAfter())) {
                String related =
                        Designation.tryParse(change.designation())
                                .map(catalog::currentReplacements)
                                .orElse(List.of())
                                .stream()
                                .map(StandardRef::designation)
                                .collect(Collectors.joining(", "));
                key(change.designation())
                        .ifPresent(k -> affected.put(
                                k,
                                new Affected(
                                        change.designation(),
                                        "WITHDRAWN",
                                        related.isEmpty() ? null : related,
                                        change.id())));
            }
            if (change.kind() == StandardChange.Kind.NEW) {
                for (CatalogChange.ChainLink older : c.older()) {
                    if (older.depth() > 0) {
                        key(older.designation())
                                .ifPresent(k -> affected.putIfAbsent(
                                        k,
                                        new Affected(
                                                older.designation(), "REPLACED", change.designation(), change.id())));
                    }
                }
            }
        }
        if (affected.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Letter> letters = new ArrayList<>();
        for (ConformityStore.TestedStandard t : store.testedWithKeys(affected.keySet())) {
            Affected a = affected.get(key(t.designation()).orElse(""));
            if (a == null) {
                continue;
            }
            if (store.flag(t.standardId(), a.kind(), a.related(), now)) {
                events.publishEvent(StateChanged.of(AUDIT_TYPE, t.requestId(), "standard-flagged")
                        .withChange("standard", null, t.designation() + " " + a.kind())
                        .withChange("replacement", null, a.related()));
            }
            if (("CANCELLED".equals(t.state()) || "REJECTED".equals(t.state()))) {
                continue;
            }
            if (store.notice(t.requestId(), t.designation(), a.kind(), a.related(), a.changeId(), now)) {
                letters.add(new Letter(t.requestedBy(), t.requestId(), t.designation(), a.kind(), a.related()));
            }
        }
        sendAfterCommit(letters);
        return letters.size();
    }

    private static java.util.Optional<String> key(String designation) {
        return Designation.tryParse(designation).map(Designation::compactKey);
    }

    private void sendAfterCommit(List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(letters);
                }
            });
        } else {
            send(letters);
        }
    }

    /** Mails are in Chinese: accounts keep no language yet. A failed mail is logged; the notice stays on the page. */
    private void send(List<Letter> letters) {
        for (Letter l : letters) {
            for (Contact to : recipients.ofPerson(l.personId())) {
                try {
                    mailer.send(
                            to.email(),
                            Locale.SIMPLIFIED_CHINESE,
                            "verification.conformity.mail.subject",
                            "verification.conformity.mail.body." + l.kind(),
                            to.displayName(),
                            l.designation(),
                            l.related() == null ? "—" : l.related(),
                            mailer.baseUrl() + "/conformity-tests/" + l.requestId());
                } catch (RuntimeException e) {
                    log.warn("conformity notice mail to person {} failed: {}", l.personId(), e.toString());
                }
            }
        }
    }
}
