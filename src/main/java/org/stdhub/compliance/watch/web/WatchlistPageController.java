package org.stdhub.compliance.watch.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.compliance.watch.Digest;
import org.stdhub.compliance.watch.WatchItemKind;
import org.stdhub.compliance.watch.Watchlists;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.UserFacingException;

/**
 * The watchlist pages: my lists and my organizations' lists, one list with its items, e-mail choice, feed address
 * and alerts; saving a list from a validity check ({@code POST /watchlists} with {@code name}, repeated
 * {@code designations}, optional {@code organizationId}) and the one-click watch button of a standard's page.
 */
@Controller
@RequestMapping("/watchlists")
class WatchlistPageController {

    private final Watchlists watchlists;
    private final Alerts alerts;
    private final MessageSource messages;

    WatchlistPageController(Watchlists watchlists, Alerts alerts, MessageSource messages) {
        this.watchlists = watchlists;
        this.alerts = alerts;
        this.messages = messages;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("lists", watchlists.visible());
        model.addAttribute("organizations", watchlists.organizationChoices());
        model.addAttribute("digests", Digest.values());
        return "watch/watchlists";
    }

    @PostMapping
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> designations,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Digest digest,
            RedirectAttributes redirect) {
        try {
            var created = watchlists.create(new Watchlists.NewWatchlist(name, organizationId, digest, designations));
            redirect.addFlashAttribute("notice", "watch.created");
            redirect.addFlashAttribute("feedUrl", feedUrl(created.id(), created.feedToken()));
            return "redirect:/watchlists/" + created.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            redirect.addFlashAttribute("name", name);
            return "redirect:/watchlists";
        }
    }

    /** The "关注 / Watch" button of a standard's page: adds it to the person's default list. */
    @PostMapping("/quick")
    String watch(@RequestParam(required = false) String designation, Locale locale, RedirectAttributes redirect) {
        String defaultName = messages.getMessage("watch.default-name", null, locale);
        Watchlists.Watched watched;
        try {
            watched = watchlists.watch(designation, defaultName);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrentFirstClick) {
            // two first clicks at once both made the default list; one lost (its transaction rolled back, nothing
            // kept): again, in a new transaction, it finds the list the other made
            watched = watchlists.watch(designation, defaultName);
        }
        redirect.addFlashAttribute("watchedList", watched.listName());
        redirect.addFlashAttribute("watchedAdded", watched.added());
        return "redirect:/standards/" + UriUtils.encodePathSegment(watched.designation(), StandardCharsets.UTF_8);
    }

    @GetMapping("/{id}")
    String list(@PathVariable long id, Locale locale, Model model) {
        model.addAttribute("detail", watchlists.get(id));
        model.addAttribute("alerts", alerts.ofList(id, locale));
        model.addAttribute("kinds", WatchItemKind.values());
        model.addAttribute("digests", Digest.values());
        return "watch/watchlist";
    }

    @PostMapping("/{id}/items")
    String addItem(
            @PathVariable long id,
            @RequestParam(required = false) WatchItemKind kind,
            @RequestParam(required = false) String value,
            RedirectAttributes redirect) {
        try {
            String added = watchlists.addItem(id, kind, value);
            redirect.addFlashAttribute("notice", "watch.item.added");
            redirect.addFlashAttribute("noticeArg", added);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            redirect.addFlashAttribute("value", value);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/items/{itemId}/delete")
    String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        watchlists.removeItem(id, itemId);
        redirect.addFlashAttribute("notice", "watch.item.removed");
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            watchlists.rename(id, name);
            redirect.addFlashAttribute("notice", "watch.renamed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        }
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/digest")
    String digest(@PathVariable long id, @RequestParam(required = false) Digest digest, RedirectAttributes redirect) {
        try {
            watchlists.changeDigest(id, digest);
            redirect.addFlashAttribute("notice", "watch.digest.changed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        }
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/feed")
    String regenerateFeed(@PathVariable long id, RedirectAttributes redirect) {
        String token = watchlists.regenerateFeedToken(id);
        redirect.addFlashAttribute("notice", "watch.feed.regenerated");
        redirect.addFlashAttribute("feedUrl", feedUrl(id, token));
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id, RedirectAttributes redirect) {
        alerts.markAllRead(id);
        redirect.addFlashAttribute("notice", "alert.all-read");
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        watchlists.delete(id);
        redirect.addFlashAttribute("notice", "watch.deleted");
        return "redirect:/watchlists";
    }

    /** The feed address with its secret, absolute (feed readers need the host). */
    static String feedUrl(long id, String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/feeds/watchlists/{id}/{token}")
                .buildAndExpand(id, token)
                .toUriString();
    }
}
