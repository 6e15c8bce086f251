package org.stdhub.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.MembershipView;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.PersonView;
import org.stdhub.identity.Profiles;
import org.stdhub.identity.web.IdentityViews.Comment;

/** People's accounts for machine clients: the same services, and rules, as the admin pages. */
@RestController
@RequestMapping(path = "/api/v1/people", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "identity", description = "Organizations, people, memberships and API tokens")
class PersonApiController {

    /** A new account; it gets a one-time password, returned once, to be changed at the first login. */
    record NewAccount(String login, String email, String mobile, String displayNameZh, String displayNameEn) {}

    /** Fields left out (null) stay as they are; an empty English name or mobile removes it. */
    record ProfileChange(String displayNameZh, String displayNameEn, String mobile) {}

    private final Accounts accounts;
    private final Profiles profiles;

    PersonApiController(Accounts accounts, Profiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @GetMapping
    @Operation(summary = "All accounts (base office)")
    List<PersonView> list() {
        return accounts.all().stream().map(PersonView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account (base office, or the person themselves)")
    PersonView get(@PathVariable long id) {
        return accounts.find(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an active account with a one-time password, shown only in this answer (base office)")
    ResponseEntity<Accounts.CreatedPerson> create(@RequestBody NewAccount body) {
        var created = accounts.createPerson(new NewPerson(
                body.login(), body.email(), body.mobile(), body.displayNameZh(), body.displayNameEn(), null));
        return ResponseEntity.created(URI.create("/api/v1/people/" + created.personId()))
                .body(created);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change display names or mobile number (base office, or the person themselves)")
    PersonView change(@PathVariable long id, @RequestBody ProfileChange body) {
        return PersonView.of(profiles.change(id, body.displayNameZh(), body.displayNameEn(), body.mobile()));
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend an account (administrators)")
    PersonView suspend(@PathVariable long id, @RequestBody(required = false) Comment body) {
        accounts.suspend(id, Comment.of(body));
        return accounts.find(id);
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate a suspended account (administrators)")
    PersonView reactivate(@PathVariable long id) {
        accounts.reactivate(id);
        return accounts.find(id);
    }

    @GetMapping("/{id}/memberships")
    @Operation(summary = "A person's memberships, current and past (base office, or the person themselves)")
    List<MembershipView> memberships(@PathVariable long id) {
        return accounts.membershipsOf(id);
    }
}
