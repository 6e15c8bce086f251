package org.stdhub.identity.web;

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
    Me me(@AuthenticationPrincipal StdHubUser me) {
        var memberships = accounts.membershipsOf(me.personId()).stream()
                .map(m -> new MembershipView(
                        m.getOrganization().getId(),
                        m.getOrganization().getNameZh(),
                        m.getRole().name(),
                        String.valueOf(m.getValidFrom()),
                        m.getValidTo() == null ? null : String.valueOf(m.getValidTo())))
                .toList();
        return new Me(me.getUsername(), me.displayName(), memberships, me.scopes());
    }
}
