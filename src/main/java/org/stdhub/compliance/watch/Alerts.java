package org.stdhub.compliance.watch;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/** The signed-in person's alerts: of their own lists and of their organizations' lists. */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class Alerts {

    public static final int PAGE_LIMIT = 200;

    private final AlertStore store;
    private final AlertTexts texts;
    private final Watchlists watchlists;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alerts(AlertStore store, AlertTexts texts, Watchlists watchlists, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.watchlists = watchlists;
        this.events = events;
        this.clock = clock;
    }

    /** Unread first, newest first. */
    @Transactional(readOnly = true)
    public List<Alert> mine(Locale locale) {
        return texts.render(store.visibleTo(Viewer.current(), PAGE_LIMIT), locale);
    }

    /** A list's alerts, newest first. */
    @Transactional(readOnly = true)
    public List<Alert> ofList(long watchlistId, Locale locale) {
        watchlists.visibleList(watchlistId);
        return texts.render(store.ofList(watchlistId, PAGE_LIMIT), locale);
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return store.unreadCount(Viewer.current());
    }

    public void markRead(long alertId) {
        Long watchlistId = store.watchlistOf(alertId);
        if (watchlistId == null) {
            throw new NotFoundException("alert.error.not-found", alertId);
        }
        try {
            watchlists.visibleList(watchlistId);
        } catch (NotFoundException e) {
            throw new AccessDeniedException("alert " + alertId);
        }
        if (store.markRead(alertId, clock.instant())) {
            events.publishEvent(StateChanged.of("alert", alertId, "read").withChange("watchlist", null, watchlistId));
        }
    }

    /** Marks all the person's alerts read, or those of one list. */
    public int markAllRead(Long watchlistId) {
        if (watchlistId != null) {
            watchlists.visibleList(watchlistId);
        }
        Viewer viewer = Viewer.current();
        int read = store.markAllRead(viewer, watchlistId, clock.instant());
        if (read > 0) {
            events.publishEvent((watchlistId != null
                            ? StateChanged.of(Watchlists.AUDIT_TYPE, watchlistId, "alerts-read")
                            : StateChanged.of("person", viewer.personId(), "alerts-read"))
                    .withChange("alerts", null, read));
        }
        return read;
    }
}
