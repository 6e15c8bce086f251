package org.stdhub.talent.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.talent.DrawForms;
import org.stdhub.talent.DrawPublication;
import org.stdhub.talent.DrawVerification;
import org.stdhub.talent.DrawView;
import org.stdhub.talent.Draws;

/**
 * Expert draws for machines. The verification ({@code GET /api/v1/draws/{id}/verification}) is public; given any of
 * {@code seed}, {@code pool}, {@code exclusions}, {@code members}, {@code reserves} it recomputes from those instead of
 * the published inputs, so anyone can see that a changed input does not reproduce the published draw.
 */
@RestController
@RequestMapping("/api/v1/draws")
class DrawApiController {

    private final Draws draws;

    DrawApiController(Draws draws) {
        this.draws = draws;
    }

    @GetMapping
    List<DrawView> list() {
        return draws.list();
    }

    @PostMapping
    ResponseEntity<DrawView> request(@RequestBody DrawForms.NewDraw body) {
        DrawView created = draws.request(body);
        return ResponseEntity.created(URI.create("/api/v1/draws/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    DrawView get(@PathVariable long id) {
        return draws.get(id);
    }

    @PostMapping("/{id}/commit")
    DrawView commit(@PathVariable long id) {
        return draws.commit(id);
    }

    @PostMapping("/{id}/draw")
    DrawView draw(@PathVariable long id) {
        return draws.draw(id);
    }

    @PostMapping("/{id}/replacements")
    DrawView replace(@PathVariable long id, @RequestBody DrawForms.Replacement body) {
        return draws.replace(id, body);
    }

    /** The drawn expert declares a conflict (body: {@code {"reason": …}}). */
    @PostMapping("/{id}/conflict")
    ResponseEntity<Void> declareConflict(@PathVariable long id, @RequestBody DrawForms.Reason body) {
        draws.declareConflict(id, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/decision")
    DrawView decide(@PathVariable long id, @RequestBody DrawForms.Decision body) {
        return draws.decide(id, body == null ? null : body.decision());
    }

    @GetMapping("/{id}/verification")
    DrawVerification verification(
            @PathVariable long id,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) List<Long> pool,
            @RequestParam(required = false) List<String> exclusions,
            @RequestParam(required = false) Integer members,
            @RequestParam(required = false) Integer reserves) {
        return draws.verification(id, new DrawPublication.Claim(seed, pool, exclusions, members, reserves));
    }
}
