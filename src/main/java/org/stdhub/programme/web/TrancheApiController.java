package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.programme.ContractForms;
import org.stdhub.programme.TrancheView;
import org.stdhub.programme.Tranches;

/** Funding tranches for machines: propose, approve (a second officer), reject; the finance export. */
@RestController
@RequestMapping("/api/v1/tranches")
class TrancheApiController {

    private final Tranches tranches;
    private final TrancheExport export;

    TrancheApiController(Tranches tranches, TrancheExport export) {
        this.tranches = tranches;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "The tranches of the contracts the caller may read, with conditions and computation")
    List<TrancheView> list() {
        return tranches.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A tranche")
    TrancheView get(@PathVariable long id) {
        return tranches.get(id);
    }

    @PostMapping("/{id}/proposal")
    @Operation(summary = "Propose the release of a payable tranche with its computed amount (base office)")
    TrancheView propose(@PathVariable long id) {
        return tranches.propose(id);
    }

    @PostMapping("/{id}/approval")
    @Operation(
            summary = "Approve a proposed release (a base officer other than the proposer); publishes FundingReleased")
    TrancheView approve(@PathVariable long id) {
        return tranches.approve(id);
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Reject a proposed release back to planned, with the reason (base office)")
    TrancheView reject(@PathVariable long id, @RequestBody ContractForms.Reason body) {
        return tranches.reject(id, body == null ? null : body.reason());
    }

    @GetMapping("/export.csv")
    @Operation(summary = "Approved releases for the finance system, CSV (UTF-8 with BOM)")
    ResponseEntity<byte[]> csv() {
        return file(export.csv(tranches.approved()), "funding-releases.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "Approved releases for the finance system, Excel")
    ResponseEntity<byte[]> xlsx() {
        return file(export.xlsx(tranches.approved()), "funding-releases.xlsx", TrancheExport.XLSX);
    }

    static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type))
                .body(content);
    }
}
