package org.stdhub.consulting.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.consulting.DeclarationForm;
import org.stdhub.consulting.DeclarationView;
import org.stdhub.consulting.Declarations;
import org.stdhub.consulting.FrontRunners;

/** Self-declarations for machines: the public listing and the enterprise's declarations (session or API token). */
@RestController
@RequestMapping("/api/v1/declarations")
class DeclarationApiController {

    private final Declarations declarations;
    private final FrontRunners frontRunners;

    DeclarationApiController(Declarations declarations, FrontRunners frontRunners) {
        this.declarations = declarations;
        this.frontRunners = frontRunners;
    }

    @Operation(summary = "Search the public listing of self-declarations by enterprise, product and standard")
    @GetMapping
    List<DeclarationView.Summary> search(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String standard) {
        return declarations.search(enterprise, product, standard);
    }

    @Operation(summary = "One declaration: current version, flags (withdrawn or replaced standards) and versions")
    @GetMapping("/{id}")
    DeclarationView get(@PathVariable long id) {
        return declarations.get(id);
    }

    @Operation(summary = "Front-runner comparison: declared indicators of a product class, ranked per indicator")
    @GetMapping("/front-runners")
    List<FrontRunners.Ranking> frontRunners(@RequestParam String productClass) {
        return frontRunners.compare(productClass);
    }

    @Operation(
            summary = "Declare the standards a product implements (an ENTERPRISE_USER of the organization);"
                    + " catalog standards are validity-checked, withdrawn ones refused")
    @PostMapping
    ResponseEntity<DeclarationView> declare(@RequestBody DeclarationForm form, Locale locale) {
        DeclarationView created = declarations.declare(form, locale);
        return ResponseEntity.created(URI.create("/api/v1/declarations/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Update a declaration: adds a version, keeps the earlier ones, clears the flags")
    @PutMapping("/{id}")
    DeclarationView update(@PathVariable long id, @RequestBody DeclarationForm form, Locale locale) {
        return declarations.update(id, form, locale);
    }
}
