package org.stdhub.platform;

import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turns a refused form into a message on the page it redirects to: field errors ({@code errors}) for bad input,
 * otherwise the rule that refused, in the reader's language ({@code problem}).
 */
@Component
public class FormRefusals {

    private final MessageSource messages;

    FormRefusals(MessageSource messages) {
        this.messages = messages;
    }

    /** Puts the refusal on the next page. */
    public void flash(UserFacingException e, RedirectAttributes redirect, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            redirect.addFlashAttribute("errors", invalid.fieldErrors());
        } else {
            redirect.addFlashAttribute(
                    "problem", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
    }

    /** Runs a change; what it returns, or null when it was refused (and the refusal is on the next page). */
    public <T> T attempt(RedirectAttributes redirect, Locale locale, Supplier<T> change) {
        try {
            return change.get();
        } catch (UserFacingException e) {
            flash(e, redirect, locale);
            return null;
        }
    }
}
