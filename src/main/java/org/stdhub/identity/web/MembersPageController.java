package org.stdhub.identity.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.UserFacingException;

/** An alliance's secretary adds and ends the alliance's members (the service decides what each may do). */
@Controller
@RequestMapping("/organizations/{id}/members")
@PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or @organizationAccess.isSecretaryOf(principal, #id)")
class MembersPageController {

    private final Organizations organizations;

    MembersPageController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    String members(@PathVariable long id, Model model) {
        model.addAttribute("organization", organizations.find(id));
        model.addAttribute("members", organizations.members(id));
        return "identity/members";
    }

    @PostMapping
    String add(
            @PathVariable long id,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
            RedirectAttributes redirect) {
        try {
            organizations.grantByLoginOrEmail(person, id, Role.ALLIANCE_MEMBER, null, validTo);
            redirect.addFlashAttribute("notice", "membership.granted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            redirect.addFlashAttribute("person", person);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/organizations/" + id + "/members";
    }

    @PostMapping("/{membershipId}/end")
    String end(@PathVariable long id, @PathVariable long membershipId, RedirectAttributes redirect) {
        try {
            if (organizations.findMembership(membershipId).getOrganization().getId() != id) {
                throw new NotFoundException("membership.error.not-found", membershipId);
            }
            organizations.end(membershipId, null);
            redirect.addFlashAttribute("notice", "membership.ended");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/organizations/" + id + "/members";
    }
}
