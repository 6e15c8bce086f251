package org.stdhub.consulting.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
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
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EnquiryView> ask(@RequestBody EnquiryForm form) {
        EnquiryView asked = enquiries.ask(form, List.of());
        return ResponseEntity.created(URI.create("/api/v1/enquiries/" + asked.id()))
                .body(asked);
    }

    @Operation(
            summary = "Ask with attachments (an ENTERPRISE_USER): multipart form with the fields of the JSON body"
                    + " (organizationId, subject, question, fieldScheme, fieldCode) and files (PDF, Word, Excel or"
                    + " images, checked by content, at most the configured number and size)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EnquiryView> askWithAttachments(
            @ModelAttribute EnquiryForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        List<Enquiries.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    try {
                        uploads.add(new Enquiries.Upload(f.getOriginalFilename(), f.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        EnquiryView asked = enquiries.ask(form, uploads);
        return ResponseEntity.created(URI.create("/api/v1/enquiries/" + asked.id()))
                .body(asked);
    }

    @Operation(summary = "An attachment's file, for those who see the enquiry")
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Enquiries.AttachmentContent a = enquiries.attachment(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(a.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(a.content());
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
