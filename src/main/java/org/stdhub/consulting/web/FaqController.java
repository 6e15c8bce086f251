package org.stdhub.consulting.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.consulting.Faq;
import org.stdhub.consulting.FaqEntry;
import org.stdhub.consulting.FaqForm;

/** The public FAQ page (search, one entry) with the way to ask an enquiry. */
@Controller
@RequestMapping("/faq")
class FaqController {

    private final Faq faq;

    FaqController(Faq faq) {
        this.faq = faq;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("entries", faq.search(q));
        model.addAttribute("q", q);
        return "consulting/faq";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("entries", List.of(faq.get(id)));
        model.addAttribute("single", true);
        return "consulting/faq";
    }

    /** The FAQ for machines: read by anyone, published and withdrawn by the base office. */
    @RestController
    @RequestMapping("/api/v1/faq")
    static class Api {

        private final Faq faq;

        Api(Faq faq) {
            this.faq = faq;
        }

        /** An entry from an answered enquiry: its id and the edited text. */
        record Publication(Long enquiryId, String questionZh, String answerZh, String questionEn, String answerEn) {}

        @Operation(summary = "Search the FAQ (every word in the Chinese or English text)")
        @GetMapping
        List<FaqEntry> search(@RequestParam(required = false) String q) {
            return faq.search(q);
        }

        @Operation(summary = "One FAQ entry")
        @GetMapping("/{id}")
        FaqEntry get(@PathVariable long id) {
            return faq.get(id);
        }

        @Operation(summary = "Publish an answered enquiry as a FAQ entry, anonymised (base office)")
        @PostMapping
        ResponseEntity<FaqEntry> publish(@RequestBody Publication p) {
            if (p.enquiryId() == null) {
                throw new org.stdhub.platform.InvalidInputException(
                        java.util.Map.of("enquiryId", "consulting.error.required"));
            }
            FaqEntry entry =
                    faq.publish(p.enquiryId(), new FaqForm(p.questionZh(), p.answerZh(), p.questionEn(), p.answerEn()));
            return ResponseEntity.created(URI.create("/api/v1/faq/" + entry.id()))
                    .body(entry);
        }

        @Operation(summary = "Withdraw a FAQ entry (base office)")
        @DeleteMapping("/{id}")
        ResponseEntity<Void> withdraw(@PathVariable long id) {
            faq.withdraw(id);
            return ResponseEntity.noContent().build();
        }
    }
}
