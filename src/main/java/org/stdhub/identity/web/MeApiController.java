package org.stdhub.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.StdHubUser;

/** Who the API client is: for machine clients to check their token. */
@RestController
class MeApiController {

    private final Accounts accounts;

    MeApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Me(String login, String displayName, List<MembershipView> memberships, Set<String> scopes) {}

    record MembershipView(long organizationId, String organization, String role, String validFrom, String validTo) {}

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who the caller is: login, name, the roles held now, and the token's scopes")
    Me me(@AuthenticationPrincipal StdHubUser me) {
        // the roles the caller holds now (an ended or expired membership is no longer one)
        var memberships = accounts.membershipsOf(me.personId()).stream()
                .filter(m -> m.current() && me.hasRoleIn(m.organizationId(), m.role()))
                .map(m -> new MembershipView(
                        m.organizationId(),
                        m.organization(),
                        m.role().name(),
                        String.valueOf(m.validFrom()),
                        m.validTo() == null ? null : String.valueOf(m.validTo())))
                .toList();
        return new Me(me.getUsername(), me.displayName(), memberships, me.scopes());
    }
}
