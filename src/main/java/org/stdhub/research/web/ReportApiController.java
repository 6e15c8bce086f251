package org.stdhub.research.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.research.ReportForm;
import org.stdhub.research.ReportKind;
import org.stdhub.research.ReportView;
import org.stdhub.research.Reports;

/** Reports and policy briefs for machines: search, read, write, add a file version, publish. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

    private final Reports reports;

    ReportApiController(Reports reports) {
        this.reports = reports;
    }

    @Operation(summary = "Search the reports the caller sees (every word in title, abstract or keywords)")
    @GetMapping
    List<ReportView> search(@RequestParam(required = false) String q, @RequestParam(required = false) ReportKind kind) {
        return reports.search(q, kind);
    }

    @Operation(summary = "One report or policy brief with its versions")
    @GetMapping("/{id}")
    ReportView get(@PathVariable long id) {
        return reports.get(id);
    }

    @Operation(summary = "Write a report or policy brief (RESEARCHER or base office); kind REPORT or POLICY_BRIEF")
    @PostMapping
    ResponseEntity<ReportView> create(@RequestBody ReportForm form) {
        ReportView r = reports.create(form);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).body(r);
    }

    @Operation(summary = "Add a version of the file (author or base office): PDF or Word, at most 20 MB")
    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportView> addVersion(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Map.of("file", "research.error.file-empty"));
        }
        ReportView r = reports.addVersion(id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/versions/"
                        + r.versions().getLast().number() + "/file"))
                .body(r);
    }

    @Operation(summary = "Publish (author or base office): anyone may read it then; needs a file")
    @PostMapping("/{id}/publish")
    ReportView publish(@PathVariable long id) {
        return reports.publish(id);
    }

    @Operation(summary = "A version's file; version 0 is the latest")
    @GetMapping("/{id}/versions/{version}/file")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable int version) {
        Reports.FileContent f = reports.file(id, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(f.content());
    }
}
