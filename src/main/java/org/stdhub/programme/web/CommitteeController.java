package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.platform.FormRefusals;
import org.stdhub.programme.Committees;

/**
 * Committees and the TC registry: the pages {@code /programme/committees} and the API {@code /api/v1/committees} (the
 * base office records; anyone signed in reads).
 */
@Controller
class CommitteeController {

    private final Committees committees;
    private final FormRefusals refusals;

    CommitteeController(Committees committees, FormRefusals refusals) {
        this.committees = committees;
        this.refusals = refusals;
    }

    @GetMapping("/programme/committees")
    String list(Model model) {
        List<Committees.CommitteeView> all = committees.list();
        model.addAttribute("committees", all);
        model.addAttribute("kinds", Committees.Kind.values());
        model.addAttribute("recordKinds", Committees.RecordKind.values());
        model.addAttribute("subjectTypes", Committees.SubjectType.values());
        java.util.Map<Long, StandardLookup.CommitteePage> standards = new java.util.HashMap<>();
        for (Committees.CommitteeView c : all) {
            if (c.tcCode() != null) {
                standards.put(c.id(), committees.standards(c.id(), 0));
            }
        }
        model.addAttribute("standards", standards);
        return "programme/committees";
    }

    /** A registered TC's standards from the catalog, a page at a time. */
    @GetMapping("/programme/committees/{id}/standards")
    String standards(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("c", committees.get(id));
        model.addAttribute("page", committees.standards(id, page));
        return "programme/committee-standards";
    }

    @GetMapping("/api/v1/committees/{id}/standards")
    @ResponseBody
    @Operation(summary = "The standards a registered TC is responsible for, from the catalog by its code (paged by 20)")
    StandardLookup.CommitteePage standardsApi(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
        return committees.standards(id, page);
    }

    @PostMapping("/programme/committees")
    String create(
            @RequestParam(required = false) Committees.Kind kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String tcCode,
            @RequestParam(required = false) Long secretariatOrganizationId,
            @RequestParam(required = false) String scope,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> committees.create(
                        new Committees.NewCommittee(kind, name, tcCode, secretariatOrganizationId, scope)));
        return "redirect:/programme/committees";
    }

    @PostMapping("/programme/committees/{id}/members")
    String member(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String position,
            @RequestParam(required = false) String login,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> committees.addMember(id, new Committees.NewMember(name, position, null, login)));
        return "redirect:/programme/committees";
    }

    /** The base office lists a development project among a TC's projects. */
    @PostMapping("/programme/committees/{id}/projects")
    String linkProject(
            @PathVariable long id,
            @RequestParam(required = false) String projectId,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> committees.linkProject(id, projectNumber(projectId)));
        return "redirect:/programme/committees#committee-" + id;
    }

    @PostMapping("/programme/committees/{id}/projects/{projectId}/removal")
    String unlinkProject(
            @PathVariable long id,
            @PathVariable long projectId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> committees.unlinkProject(id, projectId, reason));
        return "redirect:/programme/committees#committee-" + id;
    }

    /** The project's number as typed (blank: none; not a number: refused as no such project). */
    private static Long projectNumber(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new org.stdhub.platform.InvalidInputException(
                    java.util.Map.of("projectId", "programme.error.no-project"));
        }
    }

    @PostMapping("/programme/committees/{id}/meetings")
    String meeting(
            @PathVariable long id,
            @RequestParam(required = false) LocalDate heldOn,
            @RequestParam(required = false) String agenda,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> committees.addMeeting(id, new Committees.NewMeeting(heldOn, agenda)));
        return "redirect:/programme/committees";
    }

    @PostMapping("/programme/meetings/{meetingId}/decisions")
    String decision(
            @PathVariable long meetingId,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) Committees.RecordKind kind,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> committees.addDecision(
                        meetingId, new Committees.NewDecision(text, subjectType, subjectId, kind)));
        return "redirect:/programme/committees";
    }

    @GetMapping("/api/v1/committees")
    @ResponseBody
    @Operation(summary = "The committees, coordination group and TC registry with members, meetings and decisions")
    List<Committees.CommitteeView> all() {
        return committees.list();
    }

    @GetMapping("/api/v1/committees/{id}")
    @ResponseBody
    @Operation(summary = "A committee")
    Committees.CommitteeView get(@PathVariable long id) {
        return committees.get(id);
    }

    @PostMapping("/api/v1/committees")
    @ResponseBody
    @Operation(summary = "Register a committee or a hosted TC (base office)")
    ResponseEntity<Committees.CommitteeView> createApi(@RequestBody Committees.NewCommittee body) {
        Committees.CommitteeView c = committees.create(body);
        return ResponseEntity.created(URI.create("/api/v1/committees/" + c.id()))
                .body(c);
    }

    /** A project to list among a TC's projects: its number in development. */
    record ProjectLink(Long projectId) {}

    @GetMapping("/api/v1/committees/{id}/projects")
    @ResponseBody
    @Operation(summary = "A registered TC's development projects, as development has them now")
    List<Committees.CommitteeProject> projectsApi(@PathVariable long id) {
        return committees.get(id).projects();
    }

    @PostMapping("/api/v1/committees/{id}/projects")
    @ResponseBody
    @Operation(summary = "List a development project among a registered TC's projects (base office)")
    Committees.CommitteeView linkProjectApi(@PathVariable long id, @RequestBody ProjectLink body) {
        return committees.linkProject(id, body == null ? null : body.projectId());
    }

    @DeleteMapping("/api/v1/committees/{id}/projects/{projectId}")
    @ResponseBody
    @Operation(summary = "Take a project off a TC's list, with the reason (base office)")
    Committees.CommitteeView unlinkProjectApi(
            @PathVariable long id, @PathVariable long projectId, @RequestParam(required = false) String reason) {
        return committees.unlinkProject(id, projectId, reason);
    }

    @PostMapping("/api/v1/committees/{id}/members")
    @ResponseBody
    @Operation(summary = "Add a member (base office)")
    Committees.CommitteeView memberApi(@PathVariable long id, @RequestBody Committees.NewMember body) {
        return committees.addMember(id, body);
    }

    @PostMapping("/api/v1/committees/{id}/meetings")
    @ResponseBody
    @Operation(summary = "Record a meeting with its agenda (base office)")
    Committees.CommitteeView meetingApi(@PathVariable long id, @RequestBody Committees.NewMeeting body) {
        return committees.addMeeting(id, body);
    }

    @PostMapping("/api/v1/committees/meetings/{meetingId}/decisions")
    @ResponseBody
    @Operation(summary = "Record a meeting's decision, linked to what it decided (base office)")
    Committees.CommitteeView decisionApi(@PathVariable long meetingId, @RequestBody Committees.NewDecision body) {
        return committees.addDecision(meetingId, body);
    }
}
