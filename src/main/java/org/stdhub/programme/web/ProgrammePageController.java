package org.stdhub.programme.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.IdList;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.programme.AmountRule;
import org.stdhub.programme.Center;
import org.stdhub.programme.ContractForms;
import org.stdhub.programme.ContractTransition;
import org.stdhub.programme.ContractView;
import org.stdhub.programme.Contracts;
import org.stdhub.programme.Indicator;
import org.stdhub.programme.IndicatorForms;
import org.stdhub.programme.IndicatorViews;
import org.stdhub.programme.Indicators;
import org.stdhub.programme.SubsidyClaims;
import org.stdhub.programme.SubsidyRole;
import org.stdhub.programme.Tasks;
import org.stdhub.programme.Tranches;

/**
 * The base management pages: the dashboard {@code /programme} (targets against actuals, traffic lights, chart and
 * table, drill-down), contracts with their tasks and tranches, and subsidy claims. Every change goes through the
 * services, which check who may do it; a refusal comes back as a message on the page.
 */
@Controller
@RequestMapping("/programme")
class ProgrammePageController {

    private final Contracts contracts;
    private final Tasks tasks;
    private final Tranches tranches;
    private final Indicators indicators;
    private final SubsidyClaims claims;
    private final FormRefusals refusals;
    private final TrancheExport export;
    private final Clock clock;
    private final org.stdhub.programme.ConstructionPhases phases;

    ProgrammePageController(
            Contracts contracts,
            Tasks tasks,
            Tranches tranches,
            Indicators indicators,
            SubsidyClaims claims,
            FormRefusals refusals,
            TrancheExport export,
            org.stdhub.programme.ConstructionPhases phases,
            Clock clock) {
        this.export = export;
        this.phases = phases;
        this.contracts = contracts;
        this.tasks = tasks;
        this.tranches = tranches;
        this.indicators = indicators;
        this.claims = claims;
        this.refusals = refusals;
        this.clock = clock;
    }

    // ---- dashboard and indicators

    @GetMapping
    String dashboard(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<IndicatorViews.TargetStatus> rows = indicators.dashboard(y);
        model.addAttribute("year", y);
        model.addAttribute("rows", rows);
        model.addAttribute("centers", Center.values());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("phases", phases.list());
        return "programme/dashboard";
    }

    @GetMapping("/indicators/{indicator}")
    String facts(
            @PathVariable Indicator indicator,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Center center,
            Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("indicator", indicator);
        model.addAttribute("year", y);
        model.addAttribute("center", center);
        model.addAttribute("facts", indicators.facts(indicator, y, center));
        return "programme/facts";
    }

    @PostMapping("/targets")
    String target(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Center center,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Indicator indicator,
            @RequestParam(required = false) Integer q1,
            @RequestParam(required = false) Integer q2,
            @RequestParam(required = false) Integer q3,
            @RequestParam(required = false) Integer q4,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> indicators.setTarget(
                        new IndicatorForms.Target(year, center, organizationId, indicator, q1, q2, q3, q4)));
        return "redirect:/programme" + (year == null ? "" : "?year=" + year);
    }

    @PostMapping("/values")
    String enter(
            @RequestParam(required = false) Indicator indicator,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) LocalDate occurredOn,
            @RequestParam(required = false) Integer quantity,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String evidence,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> indicators.enter(new IndicatorForms.EnteredValue(
                        indicator, organizationId, occurredOn, quantity, reference, evidence)));
        return "redirect:/programme";
    }

    // ---- contracts

    @GetMapping("/contracts")
    String contracts(Model model) {
        model.addAttribute("contracts", contracts.list());
        model.addAttribute("centers", Center.values());
        return "programme/contracts";
    }

    @PostMapping("/contracts")
    String create(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Center center,
            @RequestParam(required = false) LocalDate startsOn,
            @RequestParam(required = false) LocalDate endsOn,
            @RequestParam(required = false) BigDecimal budget,
            RedirectAttributes redirect,
            Locale locale) {
        ContractView created = refusals.attempt(
                redirect,
                locale,
                () -> contracts.create(
                        new ContractForms.NewContract(title, organizationId, center, startsOn, endsOn, budget)));
        return created == null ? "redirect:/programme/contracts" : "redirect:/programme/contracts/" + created.id();
    }

    @GetMapping("/contracts/{id}")
    String contract(@PathVariable long id, Model model) {
        model.addAttribute("contract", contracts.get(id));
        model.addAttribute("transitions", ContractTransition.values());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("rules", AmountRule.values());
        return "programme/contract";
    }

    @PostMapping("/contracts/{id}/tasks")
    String addTask(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String deliverable,
            @RequestParam(required = false) Indicator indicator,
            @RequestParam(required = false) Integer indicatorTarget,
            @RequestParam(required = false) LocalDate dueOn,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> contracts.addTask(
                        id, new ContractForms.NewTask(title, deliverable, indicator, indicatorTarget, dueOn)));
        return back(id);
    }

    @PostMapping("/contracts/{id}/tranches")
    String addTranche(
            @PathVariable long id,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) BigDecimal plannedAmount,
            @RequestParam(required = false) LocalDate payableFrom,
            @RequestParam(required = false) AmountRule rule,
            @RequestParam(required = false) BigDecimal floor,
            @RequestParam(required = false) BigDecimal cap,
            @RequestParam(required = false) Indicator indicator,
            @RequestParam(required = false) Integer indicatorTarget,
            @RequestParam(required = false) String requiredTasks,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> contracts.addTranche(
                        id,
                        new ContractForms.NewTranche(
                                label,
                                plannedAmount,
                                payableFrom,
                                rule,
                                floor,
                                cap,
                                indicator,
                                indicatorTarget,
                                ids(requiredTasks))));
        return back(id);
    }

    @PostMapping("/contracts/{id}/transitions")
    String transition(
            @PathVariable long id,
            @RequestParam(required = false) ContractTransition transition,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect, locale, () -> contracts.transition(id, new ContractForms.Transition(transition, reason)));
        return back(id);
    }

    @PostMapping("/contracts/{id}/amendments")
    String amend(
            @PathVariable long id,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) BigDecimal budget,
            @RequestParam(required = false) LocalDate endsOn,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect, locale, () -> contracts.amend(id, new ContractForms.Amendment(summary, budget, endsOn)));
        return back(id);
    }

    // ---- tasks

    @PostMapping("/tasks/{taskId}/report")
    String report(
            @PathVariable long taskId,
            @RequestParam(required = false) Integer progress,
            @RequestParam(required = false) String report,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect,
            Locale locale) {
        var task = refusals.attempt(redirect, locale, () -> {
            if (file != null && !file.isEmpty()) {
                tasks.addEvidence(taskId, file.getOriginalFilename(), bytes(file));
            }
            return tasks.report(taskId, new ContractForms.TaskReport(progress, report));
        });
        return task == null ? backFromTask(taskId) : back(task.contractId());
    }

    @PostMapping("/tasks/{taskId}/accept")
    String accept(@PathVariable long taskId, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, () -> tasks.accept(taskId));
        return backFromTask(taskId);
    }

    @PostMapping("/tasks/{taskId}/return")
    String returnReport(
            @PathVariable long taskId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> tasks.returnReport(taskId, reason));
        return backFromTask(taskId);
    }

    @GetMapping("/tasks/{taskId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long taskId, @PathVariable long evidenceId) {
        Tasks.EvidenceContent e = tasks.evidence(taskId, evidenceId);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(e.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(e.mediaType()))
                .body(e.content());
    }

    // ---- tranches

    @PostMapping("/tranches/{trancheId}/{step:propose|approve|reject}")
    String tranche(
            @PathVariable long trancheId,
            @PathVariable String step,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        var done = refusals.attempt(redirect, locale, () -> switch (step) {
            case "propose" -> tranches.propose(trancheId);
            case "approve" -> tranches.approve(trancheId);
            default -> tranches.reject(trancheId, reason);
        });
        return back(done != null ? done.contractId() : tranches.get(trancheId).contractId());
    }

    @GetMapping("/tranches/export.csv")
    ResponseEntity<byte[]> csv() {
        return TrancheApiController.file(
                export.csv(tranches.approved()), "funding-releases.csv", "text/csv;charset=UTF-8");
    }

    // ---- subsidy claims

    @GetMapping("/subsidy-claims")
    String claims(Model model) {
        model.addAttribute("claims", claims.list());
        model.addAttribute("policies", claims.policies());
        model.addAttribute("roles", SubsidyRole.values());
        return "programme/subsidy-claims";
    }

    @PostMapping("/subsidy-claims")
    String submit(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) SubsidyRole role,
            @RequestParam(required = false) String subject,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect, locale, () -> claims.submit(new SubsidyClaims.NewClaim(organizationId, role, subject)));
        return "redirect:/programme/subsidy-claims";
    }

    @PostMapping("/subsidy-claims/{id}/drafting-evidence")
    String draftingEvidence(
            @PathVariable long id,
            @RequestParam(required = false) String document,
            @RequestParam(required = false) Boolean unitNamed,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> claims.recordDraftingEvidence(id, new SubsidyClaims.DraftingEvidence(document, unitNamed)));
        return "redirect:/programme/subsidy-claims#claim-" + id;
    }

    @PostMapping("/subsidy-claims/{id}/{step:approve|reject}")
    String review(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> step.equals("approve") ? claims.approve(id, reason) : claims.reject(id, reason));
        return "redirect:/programme/subsidy-claims";
    }

    // ----

    private String backFromTask(long taskId) {
        return back(tasks.get(taskId).contractId());
    }

    private static String back(long contractId) {
        return "redirect:/programme/contracts/" + contractId;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException(Map.of("file", "programme.error.file-empty"));
        }
    }

    static List<Long> ids(String raw) {
        return IdList.read(raw)
                .orElseThrow(() -> new InvalidInputException(Map.of("requiredTasks", "programme.error.tranche-tasks")));
    }
}
