package org.stdhub.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.catalog.CatalogQuality;
import org.stdhub.catalog.StandardEdit;
import org.stdhub.catalog.StandardNotFoundException;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.catalog.importing.StandardEditor;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.UserFacingException;

/**
 * The base office's catalog pages: the form that adds a standard ({@code /admin/catalog/edit}) or corrects one
 * ({@code /admin/catalog/edit/{designation}}, linked from the standard's page), and the data-quality lists
 * ({@code /admin/catalog/quality}), each record linked to its correction form. Base office and administrators only.
 */
@Controller
@RequestMapping("/admin/catalog")
@PreAuthorize("hasAnyRole('BASE_OFFICER','ADMIN')")
class CatalogEditPageController {

    private final StandardEditor editor;
    private final CatalogQuality quality;
    private final StandardLinks links;
    private final MessageSource messages;

    CatalogEditPageController(
            StandardEditor editor, CatalogQuality quality, StandardLinks links, MessageSource messages) {
        this.editor = editor;
        this.quality = quality;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/edit")
    String newForm(Model model) {
        return form(model, EditForm.empty(), false, Map.of(), null);
    }

    @GetMapping("/edit/{*designation}")
    String correctionForm(@PathVariable String designation, Model model) {
        String text = StandardLinks.designationFromPath(designation);
        if (text.isBlank()) {
            return newForm(model);
        }
        return form(model, EditForm.of(editor.current(text)), true, Map.of(), null);
    }

    @PostMapping("/edit")
    String add(EditForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            StandardEditor.Edited edited = editor.add(form.toEdit());
            redirect.addFlashAttribute("notice", "catalog.edit.added");
            return "redirect:" + links.detail(edited.designation());
        } catch (InvalidInputException e) {
            return form(model, form, false, e.fieldErrors(), null);
        } catch (UserFacingException e) {
            return form(model, form, false, Map.of(), text(e, locale));
        }
    }

    @PostMapping("/edit/{*designation}")
    String correct(
            @PathVariable String designation, EditForm form, Model model, Locale locale, RedirectAttributes redirect) {
        String text = StandardLinks.designationFromPath(designation);
        try {
            StandardEditor.Edited edited = editor.correct(text, form.toEdit());
            redirect.addFlashAttribute("notice", "catalog.edit.corrected");
            return "redirect:" + links.detail(edited.designation());
        } catch (InvalidInputException e) {
            return form(model, form, true, e.fieldErrors(), null);
        } catch (StandardNotFoundException e) {
            throw e;
        } catch (UserFacingException e) {
            return form(model, form, true, Map.of(), text(e, locale));
        }
    }

    @GetMapping("/quality")
    String quality(
            @RequestParam(required = false) String problem, @RequestParam(defaultValue = "0") int page, Model model) {
        var counts = quality.counts();
        CatalogQuality.Problem chosen = problem == null
                ? counts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(CatalogQuality.Problem.NO_CLASS)
                : CatalogQuality.Problem.ofCode(problem)
                        .orElseThrow(() -> new UserFacingException("catalog.quality.error.problem", problem));
        model.addAttribute("counts", counts);
        model.addAttribute("problem", chosen);
        model.addAttribute("result", quality.list(chosen.code(), page, 50));
        return "catalog/quality";
    }

    private String form(Model model, EditForm form, boolean correcting, Map<String, String> errors, String problem) {
        model.addAttribute("form", form);
        model.addAttribute("correcting", correcting);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("statuses", StandardStatus.codes());
        model.addAttribute("action", correcting ? links.edit(form.getDesignation()) : "/admin/catalog/edit");
        return "catalog/edit";
    }

    private String text(UserFacingException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }

    /** The form as posted: lists are typed one per line (classes also by comma or space). */
    public static final class EditForm {
        private String designation;
        private String titleZh;
        private String titleEn;
        private String status;
        private String published;
        private String implemented;
        private String withdrawn;
        private String committee;
        private String ics;
        private String ccs;
        private String replaces;
        private String replacedBy;
        private String adoptions;
        private String reason;
        private Integer version;

        static EditForm empty() {
            return new EditForm();
        }

        static EditForm of(StandardEdit e) {
            EditForm f = new EditForm();
            f.designation = e.designation();
            f.titleZh = e.titleZh();
            f.titleEn = e.titleEn();
            f.status = e.status();
            f.published = e.published();
            f.implemented = e.implemented();
            f.withdrawn = e.withdrawn();
            f.committee = e.committee();
            f.ics = String.join(" ", e.ics());
            f.ccs = String.join(" ", e.ccs());
            f.replaces = String.join("\n", e.replaces());
            f.replacedBy = String.join("\n", e.replacedBy());
            f.adoptions = String.join(
                    "\n",
                    e.adoptions().stream()
                            .map(a -> a.designation() + " " + a.degree())
                            .toList());
            f.version = e.version();
            return f;
        }

        StandardEdit toEdit() {
            return new StandardEdit(
                    designation,
                    titleZh,
                    titleEn,
                    status,
                    published,
                    implemented,
                    withdrawn,
                    committee,
                    codes(ics),
                    codes(ccs),
                    lines(replaces),
                    lines(replacedBy),
                    lines(adoptions).stream().map(EditForm::adoption).toList(),
                    reason,
                    version);
        }

        private static List<String> codes(String text) {
            return text == null || text.isBlank()
                    ? List.of()
                    : List.of(text.strip().split("[\\s,;，；、]+"));
        }

        private static List<String> lines(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String line : text.split("[\\r\\n;；]+")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        }

        /** "ISO 9001:2015 IDT": the last word is the degree. */
        private static StandardEdit.AdoptionLink adoption(String line) {
            int space = line.lastIndexOf(' ');
            return space < 0
                    ? new StandardEdit.AdoptionLink(line, null)
                    : new StandardEdit.AdoptionLink(line.substring(0, space).strip(), line.substring(space + 1));
        }

        public String getDesignation() {
            return designation;
        }

        public void setDesignation(String designation) {
            this.designation = designation;
        }

        public String getTitleZh() {
            return titleZh;
        }

        public void setTitleZh(String titleZh) {
            this.titleZh = titleZh;
        }

        public String getTitleEn() {
            return titleEn;
        }

        public void setTitleEn(String titleEn) {
            this.titleEn = titleEn;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getPublished() {
            return published;
        }

        public void setPublished(String published) {
            this.published = published;
        }

        public String getImplemented() {
            return implemented;
        }

        public void setImplemented(String implemented) {
            this.implemented = implemented;
        }

        public String getWithdrawn() {
            return withdrawn;
        }

        public void setWithdrawn(String withdrawn) {
            this.withdrawn = withdrawn;
        }

        public String getCommittee() {
            return committee;
        }

        public void setCommittee(String committee) {
            this.committee = committee;
        }

        public String getIcs() {
            return ics;
        }

        public void setIcs(String ics) {
            this.ics = ics;
        }

        public String getCcs() {
            return ccs;
        }

        public void setCcs(String ccs) {
            this.ccs = ccs;
        }

        public String getReplaces() {
            return replaces;
        }

        public void setReplaces(String replaces) {
            this.replaces = replaces;
        }

        public String getReplacedBy() {
            return replacedBy;
        }

        public void setReplacedBy(String replacedBy) {
            this.replacedBy = replacedBy;
        }

        public String getAdoptions() {
            return adoptions;
        }

        public void setAdoptions(String adoptions) {
            this.adoptions = adoptions;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }
}
