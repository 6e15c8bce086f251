package org.stdhub.consulting.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.consulting.Declarations;
import org.stdhub.consulting.Enquiries;
import org.stdhub.consulting.EnquiryForm;
import org.stdhub.consulting.EnquiryRoutes;
import org.stdhub.consulting.EnquiryState;
import org.stdhub.consulting.EnquiryView;
import org.stdhub.consulting.Faq;
import org.stdhub.consulting.FaqEntry;
import org.stdhub.consulting.FaqForm;
import org.stdhub.platform.FormRefusals;

/**
 * Enquiry pages (signed-in): the enquiries the person sees with the form to ask (for an enterprise), one enquiry
 * with the steps the person may take, its attachments, and the base office's routing table.
 */
@Controller
@RequestMapping("/enquiries")
class EnquiryPageController {

    private final Enquiries enquiries;
    private final EnquiryRoutes routes;
    private final Declarations declarations;
    private final Faq faq;
    private final FormRefusals refusals;

    EnquiryPageController(
            Enquiries enquiries, EnquiryRoutes routes, Declarations declarations, Faq faq, FormRefusals refusals) {
        this.enquiries = enquiries;
        this.routes = routes;
        this.declarations = declarations;
        this.faq = faq;
        this.refusals = refusals;
    }

    @GetMapping
    String list(@RequestParam(required = false) EnquiryState state, Model model) {
        model.addAttribute("enquiries", enquiries.visible(state));
        model.addAttribute("state", state);
        model.addAttribute("states", EnquiryState.values());
        model.addAttribute("enterprises", declarations.myEnterprises());
        return "consulting/enquiries";
    }

    @PostMapping
    String ask(
            EnquiryForm form,
            @RequestParam(name = "files", required = false) MultipartFile[] files,
            Locale locale,
            RedirectAttributes redirect) {
        List<Enquiries.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : Arrays.asList(files)) {
                if (f != null && !f.isEmpty()) {
                    try {
                        uploads.add(new Enquiries.Upload(f.getOriginalFilename(), f.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        EnquiryView asked = refusals.attempt(redirect, locale, () -> enquiries.ask(form, uploads));
        if (asked == null) {
            return "redirect:/enquiries";
        }
        redirect.addFlashAttribute("notice", "consulting.enquiry.asked");
        return "redirect:/enquiries/" + asked.id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        EnquiryView e = enquiries.get(id);
        model.addAttribute("e", e);
        model.addAttribute("actions", enquiries.actions(e));
        return "consulting/enquiry";
    }

    @PostMapping("/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) Long personId,
            @RequestParam(required = false) String comment,
            Locale locale,
            RedirectAttributes redirect) {
        if (personId == null) {
            redirect.addFlashAttribute("errors", java.util.Map.of("personId", "consulting.error.person"));
            return "redirect:/enquiries/" + id;
        }
        refusals.attempt(redirect, locale, () -> enquiries.assign(id, personId, comment));
        return "redirect:/enquiries/" + id;
    }

    @PostMapping("/{id}/answer")
    String answer(
            @PathVariable long id,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String references,
            Locale locale,
            RedirectAttributes redirect) {
        List<String> refs = references == null ? List.of() : Arrays.asList(references.split("[\\r\\n]+"));
        refusals.attempt(redirect, locale, () -> enquiries.answer(id, answer, refs, locale));
        return "redirect:/enquiries/" + id;
    }

    @PostMapping("/{id}/rate")
    String rate(
            @PathVariable long id,
            @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String comment,
            Locale locale,
            RedirectAttributes redirect) {
        refusals.attempt(redirect, locale, () -> enquiries.rate(id, rating, comment));
        return "redirect:/enquiries/" + id;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            Locale locale,
            RedirectAttributes redirect) {
        refusals.attempt(redirect, locale, () -> enquiries.withdraw(id, comment));
        return "redirect:/enquiries/" + id;
    }

    @PostMapping("/{id}/faq")
    String publishFaq(@PathVariable long id, FaqForm form, Locale locale, RedirectAttributes redirect) {
        FaqEntry entry = refusals.attempt(redirect, locale, () -> faq.publish(id, form));
        if (entry == null) {
            return "redirect:/enquiries/" + id;
        }
        redirect.addFlashAttribute("notice", "consulting.faq.published");
        return "redirect:/faq/" + entry.id();
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Enquiries.AttachmentContent a = enquiries.attachment(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(a.content());
    }

    @GetMapping("/routes")
    String routes(Model model) {
        model.addAttribute("routes", routes.all());
        return "consulting/routes";
    }

    @PostMapping("/routes")
    String putRoute(
            @RequestParam(required = false) String scheme,
            @RequestParam(required = false) String prefix,
            @RequestParam(required = false) Long personId,
            Locale locale,
            RedirectAttributes redirect) {
        refusals.attempt(redirect, locale, () -> {
            routes.put(scheme, prefix, personId);
            return Boolean.TRUE;
        });
        return "redirect:/enquiries/routes";
    }

    @PostMapping("/routes/{routeId}/delete")
    String removeRoute(@PathVariable long routeId, Locale locale, RedirectAttributes redirect) {
        refusals.attempt(redirect, locale, () -> {
            routes.remove(routeId);
            return Boolean.TRUE;
        });
        return "redirect:/enquiries/routes";
    }
}
