package org.stdhub.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.*;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.StdHubUser;
import org.stdhub.identity.web.IdentityViews.TokenView;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;

/** The caller's own API tokens. A token is made only from a signed-in session, never with another token. */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "identity", description = "Organizations, people, memberships and API tokens")
class TokenApiController {

    record NewToken(String name, Set<String> scopes, Integer validDays) {}

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "The caller's tokens (without their secrets)")
    List<TokenView> list(@AuthenticationPrincipal StdHubUser me) {
        return tokens.mine(me.personId(), me).stream().map(TokenView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's tokens")
    TokenView get(@AuthenticationPrincipal StdHubUser me, @PathVariable long id) {
        return TokenView.of(mine(me, id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a token for the signed-in person (session only: a token cannot make tokens);"
                    + " the secret is in this answer only")
    ResponseEntity<ApiTokens.IssuedToken> create(
            @AuthenticationPrincipal StdHubUser me, @RequestBody NewToken body, HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (bearer || !me.scopes().isEmpty()) {
            throw new NotPermittedException("token.error.session-only");
        }
        var issued = tokens.create(me.getUsername(), body.name(), body.scopes(), body.validDays());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id()))
                .body(issued);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it fails at once")
    ResponseEntity<Void> delete(@AuthenticationPrincipal StdHubUser me, @PathVariable long id) {
        tokens.revoke(mine(me, id).getId(), me);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke one of the caller's tokens (the same as DELETE)")
    TokenView revoke(@AuthenticationPrincipal StdHubUser me, @PathVariable long id) {
        tokens.revoke(mine(me, id).getId(), me);
        return TokenView.of(mine(me, id));
    }

    private org.stdhub.identity.ApiToken mine(StdHubUser me, long id) {
        return tokens.mine(me.personId(), me).stream()
                .filter(t -> t.getId() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("token.error.not-found", id));
    }
}
