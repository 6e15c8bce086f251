package org.stdhub.compliance.watch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.compliance.watch.Alert;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.compliance.watch.Digest;
import org.stdhub.compliance.watch.WatchItem;
import org.stdhub.compliance.watch.WatchItemKind;
import org.stdhub.compliance.watch.Watchlists;

/**
 * Watchlists and alerts for machines (session or API token; changes need the {@code write} scope): everything the
 * pages can do, through the same services and so under the same rules — another person's list is 403, a list that
 * does not exist 404.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "watchlists", description = "Watchlists, their items, e-mail digest and feed, and alerts")
class WatchApiController {

    /** A list with its items (the feed secret is never shown again). */
    record ListView(
            long id, String name, Long organizationId, String digest, boolean defaultList, List<WatchItem> items) {}

    /** A followed item to add: a standard (designation), an ICS or CCS class (code) or a committee. */
    record NewItem(WatchItemKind kind, String value) {}

    /** What to change of a list: its name, its e-mail digest, or both (absent members stay as they are). */
    record ListChange(String name, Digest digest) {}

    private final Watchlists watchlists;
    private final Alerts alerts;

    WatchApiController(Watchlists watchlists, Alerts alerts) {
        this.watchlists = watchlists;
        this.alerts = alerts;
    }

    @GetMapping("/watchlists")
    @Operation(summary = "My lists and my organizations' lists, with item counts and unread alerts")
    List<Watchlists.Summary> lists() {
        return watchlists.visible();
    }

    /** Creates a list; the answer holds the feed address once. */
    @PostMapping(path = "/watchlists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a list (personal, or shared by an organization one belongs to); the feed address is"
                    + " in the answer, once")
    ResponseEntity<Map<String, Object>> create(@RequestBody Watchlists.NewWatchlist body) {
        var created = watchlists.create(body);
        String feedUrl = WatchlistPageController.feedUrl(created.id(), created.feedToken());
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + created.id()))
                .body(Map.of("id", created.id(), "feedUrl", feedUrl));
    }

    @GetMapping("/watchlists/{id}")
    @Operation(summary = "One list with its items")
    ListView list(@PathVariable long id) {
        return view(id);
    }

    @PatchMapping(path = "/watchlists/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename a list and/or choose its e-mail digest (IMMEDIATE, DAILY, NONE)")
    ListView change(@PathVariable long id, @RequestBody ListChange body) {
        if (body.name() != null) {
            watchlists.rename(id, body.name());
        }
        if (body.digest() != null) {
            watchlists.changeDigest(id, body.digest());
        }
        return view(id);
    }

    @DeleteMapping("/watchlists/{id}")
    @Operation(summary = "Delete a list with its items and alerts")
    ResponseEntity<Void> delete(@PathVariable long id) {
        watchlists.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/watchlists/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Follow one more standard, ICS/CCS class or committee; answers the normalized value")
    ResponseEntity<Map<String, Object>> addItem(@PathVariable long id, @RequestBody NewItem body) {
        String value = watchlists.addItem(id, body.kind(), body.value());
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + id))
                .body(Map.of("watchlistId", id, "value", value));
    }

    @DeleteMapping("/watchlists/{id}/items/{itemId}")
    @Operation(summary = "Stop following one item of a list")
    ResponseEntity<Void> removeItem(@PathVariable long id, @PathVariable long itemId) {
        watchlists.removeItem(id, itemId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/watchlists/{id}/feed-token")
    @Operation(
            summary = "Replace the list's feed secret: the old feed address stops working; the new one is in the"
                    + " answer, once")
    Map<String, Object> rotateFeedToken(@PathVariable long id) {
        String token = watchlists.regenerateFeedToken(id);
        return Map.of("id", id, "feedUrl", WatchlistPageController.feedUrl(id, token));
    }

    @GetMapping("/watchlists/{id}/alerts")
    @Operation(summary = "A list's alerts in the caller's language, newest first")
    List<Alert> listAlerts(@PathVariable long id, Locale locale) {
        return alerts.ofList(id, locale);
    }

    @PostMapping("/watchlists/{id}/alerts/read")
    @Operation(summary = "Mark all alerts of one list read; answers how many were unread")
    Map<String, Object> readAllOfList(@PathVariable long id) {
        return Map.of("read", alerts.markAllRead(id));
    }

    @GetMapping("/alerts")
    @Operation(summary = "My alerts (of my lists and my organizations' lists), unread first")
    List<Alert> mine(Locale locale) {
        return alerts.mine(locale);
    }

    @PostMapping("/alerts/{id}/read")
    @Operation(summary = "Mark one alert read (an alert of a list one may not open is 403)")
    ResponseEntity<Void> read(@PathVariable long id) {
        alerts.markRead(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/alerts/read")
    @Operation(summary = "Mark all my alerts read; answers how many were unread")
    Map<String, Object> readAll() {
        return Map.of("read", alerts.markAllRead(null));
    }

    private ListView view(long id) {
        var d = watchlists.get(id);
        return new ListView(
                d.list().getId(),
                d.list().getName(),
                d.list().getOwnerOrganizationId(),
                d.list().getDigest().name(),
                d.list().isDefault(),
                d.items());
    }
}
