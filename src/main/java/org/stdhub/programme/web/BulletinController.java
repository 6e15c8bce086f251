package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.stdhub.platform.FormRefusals;
import org.stdhub.programme.BulletinView;
import org.stdhub.programme.Bulletins;

/**
 * Bulletins: the base office's pages ({@code /programme/bulletins}) and API ({@code /api/v1/bulletins}) to draft, edit,
 * approve and publish; the public page {@code /bulletins}, each bulletin's page and PDF, and the Atom feed {@code
 * /feeds/bulletins}.
 */
@Controller
class BulletinController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Bulletins bulletins;
    private final BulletinPublication publication;
    private final FormRefusals refusals;

    BulletinController(Bulletins bulletins, BulletinPublication publication, FormRefusals refusals) {
        this.bulletins = bulletins;
        this.publication = publication;
        this.refusals = refusals;
    }

    // ---- the office's pages

    @GetMapping("/programme/bulletins")
    String office(Model model) {
        model.addAttribute("bulletins", bulletins.all());
        return "programme/bulletins";
    }

    @PostMapping("/programme/bulletins")
    String draft(
            @RequestParam(required = false) LocalDate periodFrom,
            @RequestParam(required = false) LocalDate periodTo,
            RedirectAttributes redirect,
            Locale locale) {
        BulletinView b =
                refusals.attempt(redirect, locale, () -> bulletins.draft(new Bulletins.Draft(periodFrom, periodTo)));
        return b == null ? "redirect:/programme/bulletins" : "redirect:/programme/bulletins/" + b.id();
    }

    @GetMapping("/programme/bulletins/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("b", bulletins.get(id));
        return "programme/bulletin-edit";
    }

    @PostMapping("/programme/bulletins/{id}")
    String save(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> bulletins.edit(id, new Bulletins.Edit(title, body)));
        return "redirect:/programme/bulletins/" + id;
    }

    @PostMapping("/programme/bulletins/{id}/{step:approve|publish}")
    String step(@PathVariable long id, @PathVariable String step, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(
                redirect, locale, () -> step.equals("approve") ? bulletins.approve(id) : bulletins.publish(id));
        return "redirect:/programme/bulletins/" + id;
    }

    // ---- public

    @GetMapping("/bulletins")
    String published(Model model) {
        model.addAttribute("bulletins", bulletins.published());
        return "programme/bulletins-public";
    }

    @GetMapping("/bulletins/{id}")
    String bulletin(@PathVariable long id, Model model) {
        model.addAttribute("b", bulletins.publishedOne(id));
        return "programme/bulletin";
    }

    @GetMapping("/bulletins/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        BulletinView b = bulletins.publishedOne(id);
        return TrancheApiController.file(publication.pdf(b, locale), "bulletin-" + id + ".pdf", "application/pdf");
    }

    @GetMapping("/feeds/bulletins")
    ResponseEntity<String> feed() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return ResponseEntity.ok().contentType(ATOM).body(publication.atom(bulletins.published(), base));
    }

    // ---- API

    @GetMapping("/api/v1/bulletins")
    @ResponseBody
    @Operation(summary = "Every bulletin, drafts included (base office)")
    List<BulletinView> all() {
        return bulletins.all();
    }

    @GetMapping("/api/v1/bulletins/published")
    @ResponseBody
    @Operation(summary = "The published bulletins (public)")
    List<BulletinView> publishedApi() {
        return bulletins.published();
    }

    @PostMapping("/api/v1/bulletins")
    @ResponseBody
    @Operation(summary = "Draft a bulletin from a period's recorded data (base office)")
    BulletinView draftApi(@RequestBody Bulletins.Draft body) {
        return bulletins.draft(body);
    }

    @PutMapping("/api/v1/bulletins/{id}")
    @ResponseBody
    @Operation(summary = "Edit a draft's title and text (base office)")
    BulletinView editApi(@PathVariable long id, @RequestBody Bulletins.Edit body) {
        return bulletins.edit(id, body);
    }

    @PostMapping("/api/v1/bulletins/{id}/approval")
    @ResponseBody
    @Operation(summary = "Approve a draft (a base officer other than the drafter)")
    BulletinView approveApi(@PathVariable long id) {
        return bulletins.approve(id);
    }

    @PostMapping("/api/v1/bulletins/{id}/publication")
    @ResponseBody
    @Operation(summary = "Publish an approved bulletin on the public site (base office)")
    BulletinView publishApi(@PathVariable long id) {
        return bulletins.publish(id);
    }
}
