package org.stdhub.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.catalog.CatalogImports;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.UserFacingException;

/**
 * The base office's catalog maintenance ({@code /admin/catalog}): a list of sections (cards), the first the catalog
 * import — upload, preview, confirm, progress (htmx polling), report.
 */
@Controller
@RequestMapping("/admin/catalog")
@PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
class CatalogAdminPageController {

    private final CatalogImports imports;
    private final FormRefusals refusals;

    CatalogAdminPageController(CatalogImports imports, FormRefusals refusals) {
        this.imports = imports;
        this.refusals = refusals;
    }

    @GetMapping
    String admin(Model model) {
        model.addAttribute("jobs", imports.recent());
        model.addAttribute("running", imports.running().orElse(null));
        return "catalog/admin";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        ImportJobView job = refusals.attempt(redirect, locale, () -> {
            if (file == null || file.isEmpty()) {
                throw new UserFacingException("catalog.import.error.empty");
            }
            try {
                return imports.upload(file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new UserFacingException("catalog.import.error.unreadable");
            }
        });
        return job == null ? "redirect:/admin/catalog" : "redirect:/admin/catalog/imports/" + job.id();
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.get(id));
        return "catalog/import-job";
    }

    /**
     * The progress bar, polled by htmx while the job runs; once the job has moved on from the state the page shows,
     * the whole page is reloaded (its preview or report appears).
     */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, @RequestParam String shown, Model model, HttpServletResponse response) {
        ImportJobView job = imports.get(id);
        if (!job.state().name().equals(shown)) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "catalog/import-job :: progress";
    }

    @PostMapping("/imports/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, () -> imports.confirm(id));
        return "redirect:/admin/catalog/imports/" + id;
    }

    @PostMapping("/imports/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, () -> imports.discard(id));
        return "redirect:/admin/catalog/imports/" + id;
    }

    @GetMapping("/import-template.xlsx")
    ResponseEntity<byte[]> templateXlsx(Locale locale) {
        return download(
                imports.templateXlsx(locale),
                "stdhub-catalog-import-template.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/import-template.csv")
    ResponseEntity<byte[]> templateCsv(Locale locale) {
        return download(
                imports.templateCsv(locale),
                "stdhub-catalog-import-template.csv",
                MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
