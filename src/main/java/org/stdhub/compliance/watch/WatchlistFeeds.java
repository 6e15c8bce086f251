package org.stdhub.compliance.watch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A watchlist's alerts for feed readers, which cannot sign in: the secret token in the feed's address stands in
 * for the owner. Nothing else of the list is given away.
 */
@Service
@Transactional(readOnly = true)
public class WatchlistFeeds {

    public static final int ENTRIES = 100;

    /** What the feed shows. */
    public record Feed(long id, String name, java.time.Instant createdAt, List<Alert> alerts) {}

    private final WatchlistRepository lists;
    private final AlertStore store;
    private final AlertTexts texts;

    WatchlistFeeds(WatchlistRepository lists, AlertStore store, AlertTexts texts) {
        this.lists = lists;
        this.store = store;
        this.texts = texts;
    }

    /** The list's newest alerts if {@code token} is its feed secret; empty otherwise (as if there were no list). */
    public Optional<Feed> feed(long id, String token, Locale locale) {
        return lists.findById(id)
                .filter(list -> list.acceptsFeedToken(token))
                .map(list -> new Feed(
                        list.getId(),
                        list.getName(),
                        list.getCreatedAt(),
                        texts.render(store.ofList(list.getId(), ENTRIES), locale)));
    }
}
