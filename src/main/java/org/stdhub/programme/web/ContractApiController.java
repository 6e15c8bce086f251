package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.programme.ContractForms;
import org.stdhub.programme.ContractView;
import org.stdhub.programme.Contracts;

/** Contracts for machines: the base office drafts, signs, amends; a unit reads its own. */
@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "programme", description = "Base management: contracts, tasks, tranches, indicators, subsidy claims")
class ContractApiController {

    private final Contracts contracts;

    ContractApiController(Contracts contracts) {
        this.contracts = contracts;
    }

    @GetMapping
    @Operation(summary = "The contracts the caller may read (the base office: all; a unit: its own)")
    List<ContractView> list() {
        return contracts.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A contract with its tasks, tranches and amendments")
    ContractView get(@PathVariable long id) {
        return contracts.get(id);
    }

    @PostMapping
    @Operation(summary = "Draft a contract with a building unit (base office)")
    ResponseEntity<ContractView> create(@RequestBody ContractForms.NewContract body) {
        ContractView created = contracts.create(body);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/tasks")
    @Operation(summary = "Add a task to a draft contract (base office)")
    ContractView addTask(@PathVariable long id, @RequestBody ContractForms.NewTask body) {
        return contracts.addTask(id, body);
    }

    @PostMapping("/{id}/tranches")
    @Operation(summary = "Add a funding tranche to a draft contract (base office)")
    ContractView addTranche(@PathVariable long id, @RequestBody ContractForms.NewTranche body) {
        return contracts.addTranche(id, body);
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Sign, enact, close or terminate a contract (base office); 409 when the state forbids it")
    ContractView transition(@PathVariable long id, @RequestBody ContractForms.Transition body) {
        return contracts.transition(id, body);
    }

    @PostMapping("/{id}/amendments")
    @Operation(summary = "Record a versioned amendment (budget, end date) approved by the caller (base office)")
    ContractView amend(@PathVariable long id, @RequestBody ContractForms.Amendment body) {
        return contracts.amend(id, body);
    }
}
