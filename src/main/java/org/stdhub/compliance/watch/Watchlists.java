package org.stdhub.compliance.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;

/**
 * Watchlists of the signed-in person and of their organizations: create (also from a validity check or with one
 * click on a standard's page), rename, delete, add and remove items, choose the e-mail digest, renew the feed
 * secret. A person's lists are theirs only; an organization's lists belong to all its members; an administrator
 * may open every list.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class Watchlists {

    /** Items per list: as many lines as a signed-in person may check at once. */
    public static final int MAX_ITEMS = 10_000;

    static final String AUDIT_TYPE = "watchlist";

    /** A list as the overview shows it. */
    public record Summary(
            long id,
            String name,
            Long organizationId,
            String organizationName,
            Digest digest,
            boolean defaultList,
            int items,
            List<String> preview,
            long unread) {

        public boolean personal() {
            return organizationId == null;
        }
    }

    /** A list with its items. */
    public record Detail(Watchlist list, String organizationName, List<WatchItem> items) {}

    /**
     * A new list.
     *
     * @param organizationId the organization that owns it (its members share it), or null for a personal list
     * @param designations standards to follow at once (e.g. the lines of a validity check)
     */
    public record NewWatchlist(String name, Long organizationId, Digest digest, List<String> designations) {}

    /** A list just made, with its feed secret (shown once: only its hash is kept). */
    public record Created(long id, String feedToken) {}

    /** The result of the one-click watch button: the default list and whether the standard is new on it. */
    public record Watched(long watchlistId, String listName, String designation, boolean added) {}

    /** An organization the person may make a shared list for. */
    public record OrganizationChoice(long id, String name) {}

    private final WatchlistRepository lists;
    private final WatchItemStore items;
    private final AlertStore alerts;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Watchlists(
            WatchlistRepository lists,
            WatchItemStore items,
            AlertStore alerts,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.lists = lists;
        this.items = items;
        this.alerts = alerts;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** The person's own lists and their organizations' lists, oldest first. */
    @Transactional(readOnly = true)
    public List<Summary> visible() {
        Viewer viewer = Viewer.current();
        List<Watchlist> found = lists.visibleTo(viewer.personId(), viewer.organizationsOrNone());
        List<Long> ids = found.stream().map(Watchlist::getId).toList();
        WatchItemStore.Overview overview = items.overview(ids, 5);
        Map<Long, Long> unread = alerts.unreadPerList(ids);
        Map<Long, String> names = new LinkedHashMap<>();
        List<Summary> result = new ArrayList<>(found.size());
        for (Watchlist w : found) {
            String orgName =
                    w.isPersonal() ? null : names.computeIfAbsent(w.getOwnerOrganizationId(), this::organizationName);
            result.add(new Summary(
                    w.getId(),
                    w.getName(),
                    w.getOwnerOrganizationId(),
                    orgName,
                    w.getDigest(),
                    w.isDefault(),
                    overview.counts().getOrDefault(w.getId(), 0),
                    overview.preview().getOrDefault(w.getId(), List.of()),
                    unread.getOrDefault(w.getId(), 0L)));
        }
        return result;
    }

    /** The organizations in which the person may create a shared list (those they belong to). */
    @Transactional(readOnly = true)
    public List<OrganizationChoice> organizationChoices() {
        Viewer viewer = Viewer.current();
        return viewer.organizations().stream()
                .map(id -> new OrganizationChoice(id, organizationName(id)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Detail get(long id) {
        Watchlist list = visibleList(id);
        String orgName = list.isPersonal() ? null : organizationName(list.getOwnerOrganizationId());
        return new Detail(list, orgName, items.of(id));
    }

    /**
     * Creates a list, personal or (for a member of the organization, or an administrator) shared by an
     * organization, following the given standards.
     *
     * @throws InvalidInputException when the name is missing or too long, or a designation cannot be read
     */
    public Created create(NewWatchlist n) {
        Viewer viewer = Viewer.current();
        String name = name(n.name());
        List<WatchItem.Normalized> standards = designations(n.designations());
        if (n.organizationId() != null && !viewer.isMemberOf(n.organizationId()) && !viewer.admin()) {
            throw new AccessDeniedException("not a member of organization " + n.organizationId());
        }
        if (n.organizationId() != null) {
            organizations.find(n.organizationId()); // 404 when there is no such organization
        }
        Digest digest = n.digest() == null ? Digest.DAILY : n.digest();
        FeedToken token = FeedToken.generate();
        Instant now = clock.instant();
        Watchlist list = lists.save(
                n.organizationId() == null
                        ? Watchlist.ofPerson(viewer.personId(), name, digest, token, now)
                        : Watchlist.ofOrganization(n.organizationId(), name, digest, token, now));
        int added = items.add(list.getId(), standards, now);
        // one audit entry for the list and what it was created with (a check may bring 10,000 lines)
        events.publishEvent(StateChanged.of(AUDIT_TYPE, list.getId(), "created")
                .withChange("name", null, name)
                .withChange("owner", null, owner(list))
                .withChange("digest", null, digest)
                .withChange("items", null, added));
        return new Created(list.getId(), token.token());
    }

    /**
     * Adds a standard to the person's default list ("我的关注"), which is made on first use.
     *
     * @param defaultName the name of the default list if it has to be made (in the person's language)
     */
    public Watched watch(String designation, String defaultName) {
        Viewer viewer = Viewer.current();
        WatchItem.Normalized item = WatchItem.normalize(WatchItemKind.STANDARD, designation, "designation");
        Instant now = clock.instant();
        Watchlist list = lists.findByDefaultOfPersonId(viewer.personId()).orElseGet(() -> {
            Watchlist made =
                    lists.save(Watchlist.defaultOf(viewer.personId(), name(defaultName), FeedToken.generate(), now));
            events.publishEvent(StateChanged.of(AUDIT_TYPE, made.getId(), "created")
                    .withChange("name", null, made.getName())
                    .withChange("owner", null, owner(made))
                    .withChange("digest", null, made.getDigest()));
            return made;
        });
        boolean added = addItems(list, List.of(item), now) > 0;
        return new Watched(list.getId(), list.getName(), item.value(), added);
    }

    public void rename(long id, String newName) {
        Watchlist list = visibleList(id);
        String name = name(newName);
        String before = list.getName();
        if (before.equals(name)) {
            return;
        }
        list.rename(name);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "renamed").withChange("name", before, name));
    }

    public void delete(long id) {
        Watchlist list = visibleList(id);
        lists.delete(list);
        lists.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "deleted").withChange("name", list.getName(), null));
    }

    /**
     * Follows one more standard, class or committee.
     *
     * @return the item's normalized value (designation, code or committee)
     */
    public String addItem(long id, WatchItemKind kind, String value) {
        Watchlist list = visibleList(id);
        WatchItem.Normalized item = WatchItem.normalize(kind, value, "value");
        addItems(list, List.of(item), clock.instant());
        return item.value();
    }

    public void removeItem(long id, long itemId) {
        Watchlist list = visibleList(id);
        WatchItem item = items.find(list.getId(), itemId)
                .orElseThrow(() -> new NotFoundException("watch.error.item-not-found", itemId));
        items.remove(list.getId(), itemId);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "item-removed")
                .withChange("item", item.kind() + " " + item.value(), null));
    }

    public void changeDigest(long id, Digest digest) {
        if (digest == null) {
            throw new InvalidInputException(Map.of("digest", "watch.error.digest"));
        }
        Watchlist list = visibleList(id);
        Digest before = list.getDigest();
        if (before == digest) {
            return;
        }
        list.changeDigest(digest);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "digest-changed").withChange("digest", before, digest));
    }

    /** Replaces the feed secret (the old address stops working); returns the new token, shown once. */
    public String regenerateFeedToken(long id) {
        Watchlist list = visibleList(id);
        FeedToken token = FeedToken.generate();
        list.replaceFeedToken(token);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "feed-token-regenerated"));
        return token.token();
    }

    /** The list if the signed-in person may see it; 403 otherwise, 404 when there is none. */
    Watchlist visibleList(long id) {
        Watchlist list = lists.findById(id).orElseThrow(() -> new NotFoundException("watch.error.not-found", id));
        if (!Viewer.current().maySee(list)) {
            throw new AccessDeniedException("watchlist " + id + " belongs to someone else");
        }
        return list;
    }

    private int addItems(Watchlist list, List<WatchItem.Normalized> newItems, Instant now) {
        if (items.count(list.getId()) + newItems.size() > MAX_ITEMS) {
            throw new UserFacingException("watch.error.too-many-items", MAX_ITEMS);
        }
        int added = items.add(list.getId(), newItems, now);
        if (added > 0) {
            for (WatchItem.Normalized item : newItems) {
                events.publishEvent(
                        StateChanged.of(AUDIT_TYPE, list.getId(), "item-added").withChange("item", null, item.label()));
            }
        }
        return added;
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > Watchlist.MAX_NAME) {
            throw new InvalidInputException(Map.of("name", "watch.error.name"));
        }
        // a name travels into e-mails and the Atom feed (XML), where control characters are not allowed
        if (ControlCharacters.present(name)) {
            throw new InvalidInputException(Map.of("name", "watch.error.control-characters"));
        }
        return name;
    }

    private static List<WatchItem.Normalized> designations(List<String> designations) {
        if (designations == null) {
            return List.of();
        }
        // counted before any is read: each costs a parse
        if (designations.stream().filter(t -> t != null && !t.isBlank()).count() > MAX_ITEMS) {
            throw new UserFacingException("watch.error.too-many-items", MAX_ITEMS);
        }
        Set<WatchItem.Normalized> read = new LinkedHashSet<>();
        for (String text : designations) {
            if (text != null && !text.isBlank()) {
                read.add(WatchItem.normalize(WatchItemKind.STANDARD, text, "designations"));
            }
        }
        if (read.size() > MAX_ITEMS) {
            throw new UserFacingException("watch.error.too-many-items", MAX_ITEMS);
        }
        return List.copyOf(read);
    }

    private String organizationName(long organizationId) {
        return organizations.find(organizationId).nameZh();
    }

    private static String owner(Watchlist list) {
        return list.isPersonal()
                ? "person:" + list.getOwnerPersonId()
                : "organization:" + list.getOwnerOrganizationId();
    }
}
