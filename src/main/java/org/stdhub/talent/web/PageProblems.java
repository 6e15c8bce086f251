package org.stdhub.talent.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.UserFacingException;

/** Turns a refused form into a message on the page it returns to (field errors, or the rule that refused). */
@Component
class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    void flash(UserFacingException e, RedirectAttributes redirect, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            redirect.addFlashAttribute("errors", invalid.fieldErrors());
        } else {
            redirect.addFlashAttribute(
                    "problem", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
    }
}
