package org.stdhub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Passwords;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Registration;
import org.stdhub.identity.Registrations;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.UserFacingException;

/** Login, self-registration, e-mail verification, password reset, a person's own profile and API tokens. */
@Controller
class AccountPageController {

    private final Accounts accounts;
    private final Registrations registrations;
    private final Passwords passwords;
    private final Principals principals;
    private final ApiTokens tokens;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountPageController(
            Accounts accounts,
            Registrations registrations,
            Passwords passwords,
            Principals principals,
            ApiTokens tokens) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.passwords = passwords;
        this.principals = principals;
        this.tokens = tokens;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            String key = switch (error) {
                case "locked" -> "login.error.locked";
                case "disabled" -> "login.error.disabled";
                case "throttled" -> "login.error.throttled";
                default -> "login.error.bad";
            };
            model.addAttribute("error", key);
        }
        return "identity/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new Registration("", "", "", "", "", "", "", ""));
        return "identity/register";
    }

    @PostMapping("/register")
    String register(Registration form, Model model) {
        try {
            registrations.register(form);
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "form",
                    new Registration(
                            form.login(),
                            form.email(),
                            form.mobile(),
                            form.displayNameZh(),
                            form.displayNameEn(),
                            "",
                            form.organizationNameZh(),
                            form.creditCode()));
            model.addAttribute("errors", e.fieldErrors());
            return "identity/register";
        }
        model.addAttribute("email", form.email());
        return "identity/register-sent";
    }

    @GetMapping("/register/verify")
    String verify(@RequestParam(required = false) String token, Model model) {
        try {
            model.addAttribute("login", registrations.verifyEmail(token));
            return "identity/verified";
        } catch (UserFacingException e) {
            model.addAttribute("error", e.messageKey());
            return "identity/token-problem";
        }
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "identity/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(required = false) String email, Model model) {
        try {
            passwords.requestReset(email);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("email", email);
            return "identity/forgot";
        }
        model.addAttribute("sent", true);
        return "identity/forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "identity/reset";
    }

    @PostMapping("/password/reset")
    String reset(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes redirect) {
        try {
            passwords.reset(token, password);
        } catch (InvalidInputException e) {
            model.addAttribute("token", token);
            model.addAttribute("errors", e.fieldErrors());
            return "identity/reset";
        } catch (UserFacingException e) {
            model.addAttribute("error", e.messageKey());
            return "identity/token-problem";
        }
        redirect.addFlashAttribute("notice", "password.reset.done");
        return "redirect:/login";
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal StdHubUser me, Model model) {
        model.addAttribute("person", accounts.find(me.personId()));
        model.addAttribute("memberships", accounts.membershipsOf(me.personId()));
        model.addAttribute("tokens", tokens.mine(me.personId(), me));
        model.addAttribute("scopes", ApiTokens.SCOPES);
        return "identity/profile";
    }

    @GetMapping("/profile/password")
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping("/profile/password")
    String changePassword(
            @AuthenticationPrincipal StdHubUser me,
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            passwords.change(me.getUsername(), currentPassword, password);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return "identity/password";
        }
        // the session's principal still says "must change password": replace it with a fresh one
        StdHubUser fresh = principals.principal(me.getUsername(), Set.of()).orElseThrow();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(
            @AuthenticationPrincipal StdHubUser me,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Set<String> scopes,
            @RequestParam(required = false) Integer validDays,
            RedirectAttributes redirect) {
        try {
            var issued = tokens.create(me.getUsername(), name, scopes, validDays);
            redirect.addFlashAttribute("issuedToken", issued);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("tokenErrors", e.fieldErrors());
        }
        return "redirect:/profile#tokens";
    }

    @PostMapping("/profile/tokens/revoke")
    String revokeToken(@AuthenticationPrincipal StdHubUser me, @RequestParam long id, RedirectAttributes redirect) {
        tokens.revoke(id, me);
        redirect.addFlashAttribute("notice", "token.revoked");
        return "redirect:/profile#tokens";
    }
}
