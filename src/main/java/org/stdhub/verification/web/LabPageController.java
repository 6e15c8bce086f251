package org.stdhub.verification.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.verification.LabView;
import org.stdhub.verification.Labs;

/** The lab directory (public) and a lab's page; its keepers edit the profile and equipment there. */
@Controller
class LabPageController {

    private final Labs labs;
    private final FormRefusals refusals;

    LabPageController(Labs labs, FormRefusals refusals) {
        this.labs = labs;
        this.refusals = refusals;
    }

    @GetMapping("/labs")
    String list(Model model) {
        model.addAttribute("labs", labs.list());
        model.addAttribute("mayRegister", labs.mayRegister());
        return "verification/labs";
    }

    /** The base office registers the profile of an organization of kind LAB. */
    @PostMapping("/labs")
    String register(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) Integer capacity,
            RedirectAttributes redirect,
            Locale locale) {
        if (organizationId == null) {
            redirect.addFlashAttribute("errors", java.util.Map.of("organizationId", "verification.error.not-a-lab"));
            return "redirect:/labs";
        }
        LabView saved = refusals.attempt(
                redirect,
                locale,
                () -> labs.saveProfile(organizationId, new LabView.Profile(fields, null, null, null, null, capacity)));
        return saved == null ? "redirect:/labs" : "redirect:/labs/" + saved.id();
    }

    @GetMapping("/labs/{id}")
    String lab(@PathVariable long id, Model model) {
        model.addAttribute("lab", labs.get(id));
        return "verification/lab";
    }

    /** Sets the profile of lab {@code id} (also creates it: the base office, for an organization of kind LAB). */
    @PostMapping("/labs/{id}/profile")
    String profile(
            @PathVariable long id,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) String cnasNumber,
            @RequestParam(required = false) String accreditationScope,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate accreditedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate accreditedTo,
            @RequestParam(required = false) Integer capacity,
            RedirectAttributes redirect,
            Locale locale) {
        LabView saved = refusals.attempt(
                redirect,
                locale,
                () -> labs.saveProfile(
                        id,
                        new LabView.Profile(
                                fields, cnasNumber, accreditationScope, accreditedFrom, accreditedTo, capacity)));
        if (saved != null) {
            redirect.addFlashAttribute("notice", "verification.lab.saved");
        }
        return "redirect:/labs/" + id;
    }

    @PostMapping("/labs/{id}/equipment")
    String equipment(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String serialNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationDue,
            RedirectAttributes redirect,
            Locale locale) {
        if (refusals.attempt(
                        redirect,
                        locale,
                        () -> labs.addEquipment(id, new LabView.NewEquipment(name, model, serialNo, calibrationDue)))
                != null) {
            redirect.addFlashAttribute("notice", "verification.lab.equipment-added");
        }
        return "redirect:/labs/" + id;
    }

    @PostMapping("/labs/{id}/equipment/{equipmentId}/calibration")
    String calibration(
            @PathVariable long id,
            @PathVariable long equipmentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationDue,
            RedirectAttributes redirect,
            Locale locale) {
        if (refusals.attempt(redirect, locale, () -> labs.recalibrate(equipmentId, calibrationDue)) != null) {
            redirect.addFlashAttribute("notice", "verification.lab.calibrated");
        }
        return "redirect:/labs/" + id;
    }
}
