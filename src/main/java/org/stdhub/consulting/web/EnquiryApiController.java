package org.stdhub.consulting.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.consulting.Enquiries;
import org.stdhub.consulting.EnquiryForm;
import org.stdhub.consulting.EnquiryState;
import org.stdhub.consulting.EnquiryView;

/** Enquiries for machines (session or API token): the same service and rules as the pages. */
@RestController
@RequestMapping("/api/v1/enquiries")
class EnquiryApiController {

    private final Enquiries enquiries;

    EnquiryApiController(Enquiries enquiries) {
        this.enquiries = enquiries;
    }

    /** Body of a step: who to assign, the answer and its references, the rating, a comment. */
    record Step(Long personId, String answer, List<String> references, Integer rating, String comment) {}

    @Operation(summary = "The enquiries the caller sees: their enterprise's, assigned to them, or all (base office)")
    @GetMapping
    List<EnquiryView> list(@RequestParam(required = false) EnquiryState state) {
        return enquiries.visible(state);
    }

    @Operation(summary = "One enquiry")
    @GetMapping("/{id}")
    EnquiryView get(@PathVariable long id) {
        return enquiries.get(id);
    }

    @Operation(summary = "Ask (an ENTERPRISE_USER): routed by field to the routing table's assignee")
    @PostMapping
    ResponseEntity<EnquiryView> ask(@RequestBody EnquiryForm form) {
        EnquiryView asked = enquiries.ask(form, List.of());
        return ResponseEntity.created(URI.create("/api/v1/enquiries/" + asked.id()))
                .body(asked);
    }

    @Operation(summary = "Assign or reassign an open enquiry (base office); body: personId, comment")
    @PostMapping("/{id}/assign")
    EnquiryView assign(@PathVariable long id, @RequestBody Step step) {
        if (step.personId() == null) {
            throw new org.stdhub.platform.InvalidInputException(
                    java.util.Map.of("personId", "consulting.error.person"));
        }
        return enquiries.assign(id, step.personId(), step.comment());
    }

    @Operation(summary = "Answer (the assignee or the base office); body: answer, references (designations)")
    @PostMapping("/{id}/answer")
    EnquiryView answer(@PathVariable long id, @RequestBody Step step, Locale locale) {
        return enquiries.answer(id, step.answer(), step.references(), locale);
    }

    @Operation(summary = "Rate the answer 1–5 (the enterprise); body: rating, comment")
    @PostMapping("/{id}/rate")
    EnquiryView rate(@PathVariable long id, @RequestBody Step step) {
        return enquiries.rate(id, step.rating(), step.comment());
    }

    @Operation(summary = "Withdraw an enquiry not answered yet (the enterprise)")
    @PostMapping("/{id}/withdraw")
    EnquiryView withdraw(@PathVariable long id, @RequestBody(required = false) Step step) {
        return enquiries.withdraw(id, step == null ? null : step.comment());
    }
}
