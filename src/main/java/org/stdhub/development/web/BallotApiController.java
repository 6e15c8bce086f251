package org.stdhub.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;
import org.stdhub.development.BallotView;
import org.stdhub.development.Ballots;
import org.stdhub.development.VotePosition;

/** A ballot, its votes and its close for machine clients. */
@RestController
@RequestMapping(path = "/api/v1/ballots", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "development", description = "Alliances, group standard projects, stages and ballots")
class BallotApiController {

    record VoteRequest(VotePosition position, String reason) {}

    private final Ballots ballots;

    BallotApiController(Ballots ballots) {
        this.ballots = ballots;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ballot: its rule, times, the caller's vote, the votes (open ballots) and the result")
    BallotView get(@PathVariable long id) {
        return ballots.get(id);
    }

    @PostMapping(path = "/{id}/votes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Vote or change one's vote until the close (eligible voters): APPROVE, DISAPPROVE with a reason,"
                    + " ABSTAIN; 409 after the close")
    BallotView vote(@PathVariable long id, @RequestBody VoteRequest body) {
        return ballots.vote(id, body.position(), body.reason());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close at or after the closing time and count (the alliance's secretariat); 409 before it")
    BallotView close(@PathVariable long id) {
        return ballots.close(id);
    }
}
