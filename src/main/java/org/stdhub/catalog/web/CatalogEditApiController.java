package org.stdhub.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.catalog.CatalogQuality;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardEdit;
import org.stdhub.catalog.importing.StandardEditor;

/**
 * The base office's hand edits of the catalog and its data-quality lists, for machine clients (session or a token
 * with the {@code write} scope for changes). Same rules as the pages: base office or administrator only.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "catalog", description = "Standards catalog: identifiers, search, details, export")
class CatalogEditApiController {

    private final StandardEditor editor;
    private final CatalogService catalog;
    private final CatalogQuality quality;
    private final StandardLinks links;

    CatalogEditApiController(
            StandardEditor editor, CatalogService catalog, CatalogQuality quality, StandardLinks links) {
        this.editor = editor;
        this.catalog = catalog;
        this.quality = quality;
        this.links = links;
    }

    @PostMapping(path = "/standards", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Add a standard to the catalog (base office): validated like an import line, relation targets"
                    + " must be in the catalog, dates in order, a reason required; audited and announced to watchers"
                    + " like an import. 409 when the standard is in the catalog already")
    ResponseEntity<StandardDetail> add(@RequestBody StandardEdit body) {
        StandardEditor.Edited edited = editor.add(body);
        return ResponseEntity.created(URI.create("/api/v1" + links.detail(edited.designation())))
                .body(catalog.detail(edited.designation()));
    }

    @PutMapping(path = "/standards/{designation}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Correct a standard (base office), by its exact designation (URL-encoded, '/' as %2F): the"
                    + " edited facts, a reason and the version read (409 when it changed since)")
    StandardDetail correct(
            @PathVariable @Parameter(description = "the exact designation, e.g. GB%2FT%2019001-2016")
                    String designation,
            @RequestBody StandardEdit body) {
        StandardEditor.Edited edited = editor.correct(StandardLinks.designationFromPath(designation), body);
        return catalog.detail(edited.designation());
    }

    @GetMapping("/catalog/quality")
    @Operation(summary = "Data quality (base office): how many records each problem list holds")
    Map<String, Long> qualityCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        quality.counts().forEach((p, n) -> counts.put(p.code(), n));
        return counts;
    }

    @GetMapping("/catalog/quality/{problem}")
    @Operation(
            summary = "One data-quality list (base office), paged: missing-class, unknown-target,"
                    + " current-but-replaced, sources-disagree")
    CatalogQuality.IssuePage qualityList(
            @PathVariable String problem,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return quality.list(problem, page, size);
    }
}
