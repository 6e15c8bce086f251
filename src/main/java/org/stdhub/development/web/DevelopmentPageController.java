package org.stdhub.development.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.development.AdoptionDegree;
import org.stdhub.development.AllianceDirectory;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Ballots;
import org.stdhub.development.CommentEntry;
import org.stdhub.development.CommentType;
import org.stdhub.development.Comments;
import org.stdhub.development.Disposition;
import org.stdhub.development.Drafts;
import org.stdhub.development.Licensing;
import org.stdhub.development.NewBallot;
import org.stdhub.development.NewProject;
import org.stdhub.development.NormativeReferences;
import org.stdhub.development.Notifications;
import org.stdhub.development.Patents;
import org.stdhub.development.ProjectKind;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.development.PromotionStatus;
import org.stdhub.development.Promotions;
import org.stdhub.development.Publications;
import org.stdhub.development.VotePosition;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.FormRefusals;

/**
 * The pages of group standards development: alliances (public), an alliance with its projects by stage, a project
 * with its next action, timeline and ballots, and the forms that propose, move and vote. The services decide who
 * may do what; refusals come back as a message on the page.
 */
@Controller
class DevelopmentPageController {

    private final Alliances alliances;
    private final Projects projects;
    private final Ballots ballots;
    private final Drafts drafts;
    private final Comments comments;
    private final Publications publications;
    private final Patents patents;
    private final NormativeReferences references;
    private final Notifications notifications;
    private final Promotions promotions;
    private final AllianceDirectory directory;
    private final MessageSource messages;
    private final FormRefusals refusals;

    DevelopmentPageController(
            Alliances alliances,
            Projects projects,
            Ballots ballots,
            Drafts drafts,
            Comments comments,
            Publications publications,
            Patents patents,
            NormativeReferences references,
            Notifications notifications,
            Promotions promotions,
            AllianceDirectory directory,
            MessageSource messages,
            FormRefusals refusals) {
        this.references = references;
        this.notifications = notifications;
        this.promotions = promotions;
        this.directory = directory;
        this.alliances = alliances;
        this.projects = projects;
        this.ballots = ballots;
        this.drafts = drafts;
        this.comments = comments;
        this.publications = publications;
        this.patents = patents;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping("/alliances")
    String alliances(Model model) {
        model.addAttribute("alliances", alliances.all());
        return "development/alliances";
    }

    @GetMapping("/alliances/{id}")
    String alliance(@PathVariable long id, Model model) {
        AllianceView alliance = alliances.get(id);
        List<ProjectView> all = projects.ofAlliance(id);
        Map<String, List<ProjectView>> byStage = new LinkedHashMap<>();
        all.stream()
                .sorted(java.util.Comparator.comparing(ProjectView::stage))
                .forEach(p -> byStage.computeIfAbsent(p.stage(), k -> new java.util.ArrayList<>())
                        .add(p));
        model.addAttribute("alliance", alliance);
        model.addAttribute("directory", directory.of(id));
        model.addAttribute("byStage", byStage);
        model.addAttribute(
                "published", all.stream().filter(p -> p.designation() != null).toList());
        model.addAttribute("kinds", ProjectKind.values());
        model.addAttribute("degrees", AdoptionDegree.values());
        return "development/alliance";
    }

    @PostMapping("/alliances/{id}/projects")
    String propose(
            @PathVariable long id,
            @RequestParam(required = false) String titleZh,
            @RequestParam(required = false) String titleEn,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) ProjectKind kind,
            @RequestParam(required = false) AdoptionDegree adoptionDegree,
            @RequestParam(required = false) String baseDesignation,
            RedirectAttributes redirect,
            Locale locale) {
        Long created = attempt(
                redirect,
                locale,
                () -> projects.propose(new NewProject(
                                id,
                                titleZh,
                                titleEn,
                                scope,
                                kind,
                                kind == ProjectKind.ADOPTION ? adoptionDegree : null,
                                baseDesignation))
                        .id());
        if (created == null) {
            redirect.addFlashAttribute("titleZh", titleZh);
            redirect.addFlashAttribute("scope", scope);
            return "redirect:/alliances/" + id;
        }
        redirect.addFlashAttribute("notice", "development.project.proposed");
        return "redirect:/projects/" + created;
    }

    @GetMapping("/projects/{id}")
    String project(
            @PathVariable long id,
            Model model,
            Locale locale,
            @org.springframework.security.core.annotation.AuthenticationPrincipal Object principal) {
        ProjectView project = projects.get(id);
        model.addAttribute("project", project);
        model.addAttribute("timeline", projects.timeline(id));
        model.addAttribute("ballots", ballots.ofProject(id));
        model.addAttribute("positions", VotePosition.values());
        model.addAttribute("drafts", drafts.of(id));
        model.addAttribute("comments", comments.of(id));
        model.addAttribute("commentTypes", CommentType.values());
        model.addAttribute("patents", patents.of(id));
        model.addAttribute("references", references.ofLatest(id, locale));
        model.addAttribute("notifications", project.viewerIsSecretariat() ? notifications.ofProject(id) : null);
        model.addAttribute("promotions", promotions.of(id));
        model.addAttribute(
                "mayDecidePromotion",
                principal instanceof StdHubUser u && (u.hasRole(Role.BASE_OFFICER) || u.hasRole(Role.ADMIN)));
        model.addAttribute(
                "mayPropose",
                project.viewerIsSecretariat()
                        && (project.stage().equals("60.60") || project.stage().equals("90.93")));
        model.addAttribute("licensings", Licensing.values());
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("commentPeriodOpen", project.stage().equals("30.20"));
        model.addAttribute(
                "mayDispose",
                project.viewerIsSecretariat()
                        && (project.stage().equals("30.20") || project.stage().equals("30.60")));
        model.addAttribute(
                "mayOpenBallot",
                project.viewerIsSecretariat()
                        && (project.stage().equals("10.00") || project.stage().equals("40.00")));
        return "development/project";
    }

    @PostMapping("/projects/{id}/transitions")
    String transition(
            @PathVariable long id,
            @RequestParam String transition,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect,
            Locale locale) {
        if (attempt(redirect, locale, () -> projects.transition(id, transition, comment)) != null) {
            redirect.addFlashAttribute("notice", "development.project.moved");
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/ballots")
    String openBallot(
            @PathVariable long id,
            @RequestParam(required = false) LocalDateTime closesAt,
            @RequestParam(defaultValue = "false") boolean secret,
            RedirectAttributes redirect,
            Locale locale) {
        var closes = closesAt == null
                ? null
                : closesAt.atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        if (attempt(redirect, locale, () -> ballots.open(id, new NewBallot(null, closes, null, secret))) != null) {
            redirect.addFlashAttribute("notice", "development.project.moved");
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/ballots/{id}/votes")
    String vote(
            @PathVariable long id,
            @RequestParam(required = false) VotePosition position,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        long project = ballots.get(id).projectId();
        if (attempt(redirect, locale, () -> ballots.vote(id, position, reason)) != null) {
            redirect.addFlashAttribute("notice", "development.ballot.voted");
        }
        return "redirect:/projects/" + project;
    }

    @PostMapping("/ballots/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        long project = ballots.get(id).projectId();
        if (attempt(redirect, locale, () -> ballots.close(id)) != null) {
            redirect.addFlashAttribute("notice", "development.project.moved");
        }
        return "redirect:/projects/" + project;
    }

    @PostMapping("/projects/{id}/drafts")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        byte[] content = file == null ? new byte[0] : DraftApiController.bytes(file);
        String name = file == null ? null : file.getOriginalFilename();
        if (attempt(redirect, locale, () -> drafts.upload(id, name, content, reason)) != null) {
            redirect.addFlashAttribute("notice", "development.drafts.uploaded");
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/comments")
    String comment(
            @PathVariable long id,
            @RequestParam(required = false) String memberBody,
            @RequestParam(required = false) String line,
            @RequestParam(required = false) String clause,
            @RequestParam(required = false) String element,
            @RequestParam(required = false) CommentType type,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String proposedChange,
            RedirectAttributes redirect,
            Locale locale) {
        var entry = new CommentEntry(
                blankToNull(memberBody),
                blankToNull(line),
                blankToNull(clause),
                blankToNull(element),
                type,
                blankToNull(comment),
                blankToNull(proposedChange));
        if (attempt(redirect, locale, () -> comments.submit(id, entry)) != null) {
            redirect.addFlashAttribute("notice", "development.comments.submitted");
        }
        return "redirect:/projects/" + id + "#comments";
    }

    @PostMapping("/projects/{id}/comments/{seq}/disposition")
    String dispose(
            @PathVariable long id,
            @PathVariable int seq,
            @RequestParam(required = false) Disposition disposition,
            @RequestParam(required = false) String observations,
            RedirectAttributes redirect,
            Locale locale) {
        if (attempt(redirect, locale, () -> comments.dispose(id, seq, disposition, observations)) != null) {
            redirect.addFlashAttribute("notice", "development.project.moved");
        }
        return "redirect:/projects/" + id + "#comments";
    }

    @PostMapping("/projects/{id}/comments/import")
    String importComments(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect,
            Locale locale) {
        byte[] content = file == null ? new byte[0] : DraftApiController.bytes(file);
        Comments.Imported done = attempt(redirect, locale, () -> comments.importTable(id, content));
        if (done != null) {
            redirect.addFlashAttribute(
                    "importedText",
                    messages.getMessage(
                            "development.comments.imported",
                            new Object[] {done.added(), done.disposed(), done.unchanged()},
                            locale));
        }
        return "redirect:/projects/" + id + "#comments";
    }

    @PostMapping("/projects/{id}/publication")
    String publish(
            @PathVariable long id,
            @RequestParam(required = false) java.time.LocalDate publishedOn,
            @RequestParam(required = false) java.time.LocalDate implementedOn,
            RedirectAttributes redirect,
            Locale locale) {
        if (attempt(redirect, locale, () -> publications.publish(id, publishedOn, implementedOn, null)) != null) {
            redirect.addFlashAttribute("notice", "development.project.moved");
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/drafts/{draftId}/references")
    String addReferences(
            @PathVariable long id,
            @PathVariable long draftId,
            @RequestParam(required = false) String designations,
            RedirectAttributes redirect,
            Locale locale) {
        List<String> given = designations == null
                ? List.of()
                : designations
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
        if (attempt(redirect, locale, () -> references.add(id, draftId, given, locale)) != null) {
            redirect.addFlashAttribute("notice", "development.references.added");
        }
        return "redirect:/projects/" + id + "#references";
    }

    @PostMapping("/projects/{id}/promotions")
    String propose(
            @PathVariable long id,
            @RequestParam(required = false) String targetLevel,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        if (attempt(redirect, locale, () -> promotions.propose(id, new Promotions.NewPromotion(targetLevel, reason)))
                != null) {
            redirect.addFlashAttribute("notice", "development.promotion.proposed");
        }
        return "redirect:/projects/" + id + "#promotions";
    }

    @PostMapping("/promotions/{id}/decision")
    String decide(
            @PathVariable long id,
            @RequestParam long projectId,
            @RequestParam(required = false) PromotionStatus outcome,
            @RequestParam(required = false) String targetDesignation,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        var decision = new Promotions.Decision(outcome, blankToNull(targetDesignation), blankToNull(note));
        if (attempt(redirect, locale, () -> promotions.decide(id, decision)) != null) {
            redirect.addFlashAttribute("notice", "development.promotion.decided");
        }
        return "redirect:/projects/" + projectId + "#promotions";
    }

    @PostMapping("/projects/{id}/patents")
    String declare(
            @PathVariable long id,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) String patentNumber,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) Licensing licensing,
            RedirectAttributes redirect,
            Locale locale) {
        var d = new Patents.NewDeclaration(holder, patentNumber, blankToNull(title), licensing);
        if (attempt(redirect, locale, () -> patents.declare(id, d)) != null) {
            redirect.addFlashAttribute("notice", "development.patents.declared");
        }
        return "redirect:/projects/" + id + "#patents";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Runs a change; a refusal becomes the page's message (field errors, or the problem in words). */
    private <T> T attempt(RedirectAttributes redirect, Locale locale, Supplier<T> change) {
        return refusals.attempt(redirect, locale, change);
    }
}
