package org.stdhub.compliance.watch;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads a watchlist's history: whoever may open the list itself ({@link Viewer#maySee}: the person who owns a
 * personal list, the members of the organization that owns a shared one). The base office may not open other
 * people's lists, so it does not read their history either; administrators read every history anyway (the audit
 * module's rule). A deleted list's history is read by administrators only: nobody owns it any more.
 */
@Component
class WatchlistHistoryAccess implements HistoryAccess {

    private final WatchlistRepository lists;

    WatchlistHistoryAccess(WatchlistRepository lists) {
        this.lists = lists;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(Watchlists.AUDIT_TYPE);
    }

    /** A list by its name. */
    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> title(String objectType, String objectId, java.util.Locale locale) {
        try {
            return lists.findById(Long.parseLong(objectId)).map(Watchlist::getName);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        if (!(viewer.getPrincipal() instanceof StdHubUser user)) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        Viewer who = Viewer.of(user);
        return lists.findById(id).map(who::maySee).orElse(false);
    }
}
