package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.programme.ContractForms;
import org.stdhub.programme.SubsidyClaimView;
import org.stdhub.programme.SubsidyClaims;

/** Subsidy claims for machines: a unit submits (checked at once), the base office approves or rejects. */
@RestController
@RequestMapping("/api/v1/subsidy-claims")
class SubsidyClaimApiController {

    private final SubsidyClaims claims;

    SubsidyClaimApiController(SubsidyClaims claims) {
        this.claims = claims;
    }

    @GetMapping
    @Operation(summary = "The claims the caller may read")
    List<SubsidyClaimView> list() {
        return claims.list();
    }

    @GetMapping("/policies")
    @Operation(summary = "The effective-dated subsidy policy table")
    List<SubsidyClaims.Policy> policies() {
        return claims.policies();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A claim with every automatic check's result")
    SubsidyClaimView get(@PathVariable long id) {
        return claims.get(id);
    }

    @PostMapping
    @Operation(
            summary =
                    "Submit a claim for the caller's unit; a second claim for the same standard and role is refused (409)")
    ResponseEntity<SubsidyClaimView> submit(@RequestBody SubsidyClaims.NewClaim body) {
        SubsidyClaimView created = claims.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/subsidy-claims/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/drafting-evidence")
    @Operation(
            summary =
                    "Record the document the reviewer checked for the drafting organizations, and whether it names the"
                            + " unit (base office; the catalog does not record drafting organizations)")
    SubsidyClaimView draftingEvidence(@PathVariable long id, @RequestBody SubsidyClaims.DraftingEvidence body) {
        return claims.recordDraftingEvidence(id, body);
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve a claim with the amount of the policy in force (base office)")
    SubsidyClaimView approve(@PathVariable long id, @RequestBody(required = false) ContractForms.Reason body) {
        return claims.approve(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Reject a claim with the reason (base office)")
    SubsidyClaimView reject(@PathVariable long id, @RequestBody ContractForms.Reason body) {
        return claims.reject(id, body == null ? null : body.reason());
    }
}
