package org.stdhub.compliance.watch.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.stdhub.compliance.watch.Alert;
import org.stdhub.compliance.watch.AlertKind;
import org.stdhub.compliance.watch.AlertTexts;
import org.stdhub.compliance.watch.WatchlistFeeds;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.NotFoundException;

/** A watchlist's alerts as an Atom feed, at a secret address (no sign-in: feed readers cannot). */
@Controller
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final WatchlistFeeds feeds;
    private final AlertTexts texts;

    FeedController(WatchlistFeeds feeds, AlertTexts texts) {
        this.feeds = feeds;
        this.texts = texts;
    }

    @GetMapping("/feeds/watchlists/{id}/{token}")
    ResponseEntity<String> feed(@PathVariable long id, @PathVariable String token, Locale locale) throws FeedException {
        // a wrong token looks exactly like a missing list
        WatchlistFeeds.Feed feed =
                feeds.feed(id, token, locale).orElseThrow(() -> new NotFoundException("watch.error.not-found", id));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        SyndFeed out = new SyndFeedImpl();
        out.setFeedType("atom_1.0");
        out.setUri("urn:stdhub:watchlist:" + feed.id());
        out.setTitle(xml("StdHub · " + feed.name()));
        out.setLink(base + "/watchlists/" + feed.id());
        out.setDescription(xml(feed.name()));
        out.setAuthor("StdHub");
        out.setLanguage(locale.toLanguageTag());
        out.setPublishedDate(Date.from(
                feed.alerts().isEmpty()
                        ? feed.createdAt()
                        : feed.alerts().getFirst().createdAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Alert a : feed.alerts()) {
            SyndEntry e = new SyndEntryImpl();
            e.setUri("urn:stdhub:alert:" + a.id());
            e.setTitle(xml(texts.kind(a.kind(), locale) + "：" + a.standardDesignation()));
            String link =
                    base + "/standards/" + UriUtils.encodePathSegment(a.standardDesignation(), StandardCharsets.UTF_8);
            e.setLink(link);
            List<SyndLink> links = new ArrayList<>();
            SyndLink alternate = new SyndLinkImpl();
            alternate.setRel("alternate");
            alternate.setHref(link);
            links.add(alternate);
            if (a.kind() != AlertKind.NEW_IN_CLASS
                    && a.relatedDesignation() != null
                    && !a.relatedDesignation().isBlank()) {
                SyndLink related = new SyndLinkImpl();
                related.setRel("related");
                related.setTitle(xml(a.relatedDesignation()));
                related.setHref(base + "/standards/"
                        + UriUtils.encodePathSegment(a.relatedDesignation(), StandardCharsets.UTF_8));
                links.add(related);
            }
            e.setLinks(links);
            e.setPublishedDate(Date.from(a.createdAt()));
            e.setUpdatedDate(Date.from(a.createdAt()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(xml(a.text()));
            e.setDescription(summary);
            entries.add(e);
        }
        out.setEntries(entries);
        String xml = new SyndFeedOutput().outputString(out);
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex")
                .body(xml);
    }

    /** Text as XML can hold it: a control character (in a list's name, in imported data) must not break the feed. */
    private static String xml(String text) {
        return ControlCharacters.xmlSafe(text);
    }
}
