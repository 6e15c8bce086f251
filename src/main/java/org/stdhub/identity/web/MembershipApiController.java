package org.stdhub.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Membership;
import org.stdhub.identity.MembershipView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.identity.web.IdentityViews.Comment;
import org.stdhub.platform.InvalidInputException;

/** Roles held in organizations, for machine clients: the same services, and rules, as the pages. */
@RestController
@RequestMapping(path = "/api/v1/memberships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "identity", description = "Organizations, people, memberships and API tokens")
class MembershipApiController {

    /** The person by id, or by login name or e-mail address ({@code person}). */
    record NewMembership(
            Long personId, String person, Long organizationId, Role role, LocalDate validFrom, LocalDate validTo) {}

    private final Organizations organizations;
    private final Accounts accounts;
    private final Clock clock;

    MembershipApiController(Organizations organizations, Accounts accounts, Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The memberships of an organization or of a person (one of the two is required)")
    List<MembershipView> list(
            @RequestParam(required = false) @Parameter(description = "organization id") Long organizationId,
            @RequestParam(required = false) @Parameter(description = "person id") Long personId) {
        if ((organizationId == null) == (personId == null)) {
            throw new InvalidInputException(Map.of("organizationId", "membership.error.filter"));
        }
        return organizationId != null ? organizations.members(organizationId) : accounts.membershipsOf(personId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One membership (base office, its holder, or members of its organization)")
    MembershipView get(@PathVariable long id) {
        return MembershipView.of(organizations.findMembership(id), LocalDate.now(clock));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Grant a role (base office; an alliance's secretary: ALLIANCE_MEMBER of their alliance);"
                    + " only an admin grants ADMIN; nobody grants themselves a role")
    ResponseEntity<MembershipView> grant(@RequestBody NewMembership body) {
        var errors = new InvalidInputException.Collector();
        errors.check(body.personId() != null || body.person() != null, "person", "membership.error.required");
        errors.check(body.organizationId() != null, "organizationId", "membership.error.required");
        errors.check(body.role() != null, "role", "membership.error.required");
        errors.throwIfAny();
        Membership m = body.personId() != null
                ? organizations.grant(
                        body.personId(), body.organizationId(), body.role(), body.validFrom(), body.validTo())
                : organizations.grantByLoginOrEmail(
                        body.person(), body.organizationId(), body.role(), body.validFrom(), body.validTo());
        return ResponseEntity.created(URI.create("/api/v1/memberships/" + m.getId()))
                .body(MembershipView.of(m, LocalDate.now(clock)));
    }

    @PostMapping("/{id}/end")
    @Operation(
            summary = "End a membership at once; only an admin ends ADMIN (409 for the last active admin);"
                    + " nobody ends their own roles")
    MembershipView end(@PathVariable long id, @RequestBody(required = false) Comment body) {
        return MembershipView.of(organizations.end(id, Comment.of(body)), LocalDate.now(clock));
    }
}
