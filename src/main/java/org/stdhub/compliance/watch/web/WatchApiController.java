package org.stdhub.compliance.watch.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.compliance.watch.Alert;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.compliance.watch.WatchItem;
import org.stdhub.compliance.watch.Watchlists;

/** Watchlists and alerts for machines (session or API token): the same services as the pages. */
@RestController
@RequestMapping("/api/v1")
class WatchApiController {

    /** A list with its items (the feed secret is never shown again). */
    record ListView(
            long id, String name, Long organizationId, String digest, boolean defaultList, List<WatchItem> items) {}

    private final Watchlists watchlists;
    private final Alerts alerts;

    WatchApiController(Watchlists watchlists, Alerts alerts) {
        this.watchlists = watchlists;
        this.alerts = alerts;
    }

    @GetMapping("/watchlists")
    List<Watchlists.Summary> lists() {
        return watchlists.visible();
    }

    /** Creates a list; the answer holds the feed address once. */
    @PostMapping("/watchlists")
    ResponseEntity<Map<String, Object>> create(@RequestBody Watchlists.NewWatchlist body) {
        var created = watchlists.create(body);
        String feedUrl = WatchlistPageController.feedUrl(created.id(), created.feedToken());
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + created.id()))
                .body(Map.of("id", created.id(), "feedUrl", feedUrl));
    }

    @GetMapping("/watchlists/{id}")
    ListView list(@PathVariable long id) {
        var d = watchlists.get(id);
        return new ListView(
                d.list().getId(),
                d.list().getName(),
                d.list().getOwnerOrganizationId(),
                d.list().getDigest().name(),
                d.list().isDefault(),
                d.items());
    }

    @GetMapping("/watchlists/{id}/alerts")
    List<Alert> listAlerts(@PathVariable long id, Locale locale) {
        return alerts.ofList(id, locale);
    }

    @GetMapping("/alerts")
    List<Alert> mine(Locale locale) {
        return alerts.mine(locale);
    }
}
