package org.stdhub.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.catalog.CatalogImports;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.platform.UserFacingException;

/**
 * Catalog imports on the running platform, for the base office: {@code POST /api/v1/catalog/imports} (multipart
 * {@code file}) starts a job that previews the file; {@code GET …/{id}} gives its state, progress, preview and
 * report; {@code POST …/{id}/confirm} applies exactly the preview, {@code POST …/{id}/discard} drops it. Tokens need
 * the {@code write} scope for the POSTs.
 */
@RestController
@RequestMapping("/api/v1/catalog/imports")
@Tag(name = "catalog imports", description = "Catalog updates on the running platform: preview, confirm, report")
class CatalogImportApiController {

    private final CatalogImports imports;

    CatalogImportApiController(CatalogImports imports) {
        this.imports = imports;
    }

    @Operation(
            summary = "Upload a catalog file (JSON Lines, .jsonl.gz, or the xlsx/CSV template) and preview it",
            description = "Starts a job that reads the file against the catalog without changing anything (state"
                    + " PREVIEWING, then PREVIEWED with the preview). 409 while another import runs.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJobView> upload(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new UserFacingException("catalog.import.error.empty");
        }
        ImportJobView job = imports.upload(file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/catalog/imports/" + job.id()))
                .body(job);
    }

    @Operation(summary = "The latest import jobs, newest first")
    @GetMapping
    List<ImportJobView> recent() {
        return imports.recent();
    }

    @Operation(summary = "An import job: state, progress, preview and report")
    @GetMapping("/{id}")
    ImportJobView get(@PathVariable long id) {
        return imports.get(id);
    }

    @Operation(
            summary = "Apply a previewed import exactly as previewed",
            description = "Runs in the background (state APPLYING, then APPLIED with the report). 409 when the job is"
                    + " not previewed, another import runs, or the catalog changed since the preview.")
    @PostMapping("/{id}/confirm")
    ResponseEntity<ImportJobView> confirm(@PathVariable long id) {
        return ResponseEntity.accepted().body(imports.confirm(id));
    }

    @Operation(summary = "Discard a previewed import (nothing was changed)")
    @PostMapping("/{id}/discard")
    ImportJobView discard(@PathVariable long id) {
        return imports.discard(id);
    }
}
