package org.stdhub.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.ExportRow;
import org.stdhub.catalog.InvalidSearchException;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.platform.RateLimited;

/** The catalog's JSON API: parse designations, search, details, export. Public (no login needed). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "catalog", description = "Standards catalog: identifiers, search, details, export")
class CatalogApiController {

    private final CatalogService catalog;
    private final ResultExport export;

    CatalogApiController(CatalogService catalog, ResultExport export) {
        this.catalog = catalog;
        this.export = export;
    }

    @GetMapping("/designations/parse")
    @Operation(summary = "Read a designation as people type it and return its canonical form and parts")
    DesignationView parse(@RequestParam(required = false) String text) {
        return DesignationView.of(Designation.parse(text == null ? "" : text));
    }

    @GetMapping("/standards/search")
    @Operation(summary = "Search the catalog by designation or title (Chinese or English), with facets")
    StandardSearchResult search(
            SearchParameters params,
            @RequestParam(defaultValue = "true")
                    @Parameter(description = "count facets (false: faster, empty facets, total exact up to 10,000)")
                    boolean facets) {
        return facets ? catalog.search(params.toQuery()) : catalog.searchHits(params.toQuery());
    }

    @RateLimited
    @GetMapping(
            path = "/standards/export",
            produces = {"text/csv", ResultExport.XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Export up to 10,000 results of a search as CSV or Excel")
    ResponseEntity<byte[]> export(
            SearchParameters params,
            @RequestParam(defaultValue = "csv") @Parameter(description = "csv or xlsx") String format)
            throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidSearchException("format", "export.error.format", format);
        }
        StandardSearchQuery query = params.toQuery().validated();
        List<ExportRow> rows = export.rows(query);
        boolean csv = format.equals("csv");
        byte[] body = csv ? export.csv(rows) : export.xlsx(rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stdhub-standards." + format + "\"")
                .contentType(MediaType.parseMediaType(csv ? "text/csv;charset=UTF-8" : ResultExport.XLSX))
                .body(body);
    }

    @GetMapping("/standards/{*designation}")
    @Operation(summary = "Details of one standard, by canonical or sloppy designation (URL-encoded)")
    StandardDetail detail(@PathVariable String designation) {
        String text = StandardLinks.designationFromPath(designation);
        return catalog.detail(text);
    }
}
