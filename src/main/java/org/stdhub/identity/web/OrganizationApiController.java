package org.stdhub.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.*;
import org.stdhub.identity.MembershipView;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.StdHubUser;
import org.stdhub.identity.web.IdentityViews.Comment;

/** Organizations for machine clients (session or API token): the same services, and rules, as the admin pages. */
@RestController
@RequestMapping(path = "/api/v1/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "identity", description = "Organizations, people, memberships and API tokens")
class OrganizationApiController {

    record NewOrganization(OrganizationKind kind, String nameZh, String nameEn, String creditCode, Long parentId) {}

    /** Fields left out (null) stay as they are; an empty English name removes it. */
    record OrganizationChange(String nameZh, String nameEn, Long parentId) {}

    private final Organizations organizations;

    OrganizationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(summary = "Organizations: all for the base office, else those the caller holds a role in")
    List<OrganizationView> list(@AuthenticationPrincipal StdHubUser me) {
        return organizations.visible(me).stream().map(OrganizationView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization")
    OrganizationView get(@PathVariable long id) {
        return organizations.find(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an organization (base office; approved at once)")
    ResponseEntity<OrganizationView> create(@RequestBody NewOrganization body) {
        var org = organizations.create(body.kind(), body.nameZh(), body.nameEn(), body.creditCode(), body.parentId());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + org.getId()))
                .body(OrganizationView.of(org));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an organization's names or parent (base office)")
    OrganizationView change(@PathVariable long id, @RequestBody OrganizationChange body) {
        return OrganizationView.of(organizations.change(id, body.nameZh(), body.nameEn(), body.parentId()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a pending organization (base office); 409 when it is not pending")
    OrganizationView approve(@PathVariable long id, @RequestBody(required = false) Comment body) {
        organizations.approve(id, Comment.of(body));
        return organizations.find(id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a pending organization with a reason (base office); 409 when it is not pending")
    OrganizationView reject(@PathVariable long id, @RequestBody(required = false) Comment body) {
        organizations.reject(id, Comment.of(body));
        return organizations.find(id);
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Who holds which role in the organization (base office, or its members)")
    List<MembershipView> members(@PathVariable long id) {
        return organizations.members(id);
    }
}
