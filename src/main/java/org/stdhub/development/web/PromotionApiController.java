package org.stdhub.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;
import org.stdhub.development.PromotionView;
import org.stdhub.development.Promotions;

/** The base office records the outcome of a promotion proposal. */
@RestController
@RequestMapping(path = "/api/v1/promotions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "development", description = "Alliances, group standard projects, stages and ballots")
class PromotionApiController {

    private final Promotions promotions;

    PromotionApiController(Promotions promotions) {
        this.promotions = promotions;
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the outcome of a proposal (the base office): ACCEPTED with the resulting industry or"
                    + " national designation, or REJECTED with a note; 409 once decided")
    PromotionView decide(@PathVariable long id, @RequestBody Promotions.Decision body) {
        return promotions.decide(id, body);
    }
}
