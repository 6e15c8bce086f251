package org.stdhub.identity.web;

import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.UserFacingException;

/** The base office's administration of organizations, people and memberships. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
class AdminPageController {

    private final Organizations organizations;
    private final Accounts accounts;

    AdminPageController(Organizations organizations, Accounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @GetMapping("/organizations")
    String organizations(Model model) {
        model.addAttribute("organizations", organizations.all());
        model.addAttribute("kinds", OrganizationKind.values());
        return "identity/admin-organizations";
    }

    @PostMapping("/organizations")
    String createOrganization(
            @RequestParam(required = false) OrganizationKind kind,
            @RequestParam(required = false) String nameZh,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) Long parentId,
            RedirectAttributes redirect) {
        try {
            organizations.create(kind, nameZh, nameEn, creditCode, parentId);
            redirect.addFlashAttribute("notice", "organization.created");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        }
        return "redirect:/admin/organizations";
    }

    @PostMapping("/organizations/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            organizations.approve(id, comment);
            redirect.addFlashAttribute("notice", "organization.approved");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/organizations";
    }

    @PostMapping("/organizations/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            organizations.reject(id, comment);
            redirect.addFlashAttribute("notice", "organization.rejected");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/organizations";
    }

    @GetMapping("/organizations/{id}")
    String organization(@PathVariable long id, @AuthenticationPrincipal StdHubUser me, Model model) {
        model.addAttribute("organization", organizations.find(id));
        model.addAttribute("members", organizations.members(id));
        model.addAttribute("people", accounts.all());
        // only an administrator grants the administrator role
        model.addAttribute(
                "roles",
                Arrays.stream(Role.values())
                        .filter(r -> r != Role.ADMIN || me.hasRole(Role.ADMIN))
                        .toList());
        return "identity/admin-organization";
    }

    @PostMapping("/organizations/{id}/members")
    String grant(
            @PathVariable long id,
            @RequestParam(required = false) Long personId,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
            RedirectAttributes redirect) {
        try {
            if (personId == null || role == null) {
                throw new InvalidInputException(java.util.Map.of("role", "membership.error.required"));
            }
            organizations.grant(personId, id, role, null, validTo);
            redirect.addFlashAttribute("notice", "membership.granted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/organizations/" + id;
    }

    @PostMapping("/memberships/{membershipId}/end")
    String end(@PathVariable long membershipId, @RequestParam long organizationId, RedirectAttributes redirect) {
        try {
            organizations.end(membershipId, null);
            redirect.addFlashAttribute("notice", "membership.ended");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/organizations/" + organizationId;
    }

    @GetMapping("/people")
    String people(Model model) {
        model.addAttribute("people", accounts.all());
        return "identity/admin-people";
    }

    @PostMapping("/people")
    String createPerson(
            @RequestParam(required = false) String login,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayNameZh,
            @RequestParam(required = false) String displayNameEn,
            RedirectAttributes redirect) {
        try {
            var created = accounts.createPerson(new NewPerson(login, email, null, displayNameZh, displayNameEn, null));
            redirect.addFlashAttribute("created", created);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        }
        return "redirect:/admin/people";
    }

    @PostMapping("/people/{id}/suspend")
    @PreAuthorize("hasRole('ADMIN')")
    String suspend(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            accounts.suspend(id, comment);
            redirect.addFlashAttribute("notice", "person.suspended");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/people";
    }

    @PostMapping("/people/{id}/reactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.reactivate(id);
            redirect.addFlashAttribute("notice", "person.reactivated");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/people";
    }
}
