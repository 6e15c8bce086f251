package org.stdhub.identity;

import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which of an account's unique keys a failed insert broke, when two requests raced for it: {@code "login"},
 * {@code "email"}, {@code "creditCode"}, or {@code ""} for anything else.
 */
final class TakenKey {

    private TakenKey() {}

    static String of(DataIntegrityViolationException e) {
        String text = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                text = c.getConstraintName();
                break;
            }
        }
        if (text.isEmpty()) {
            text = String.valueOf(e.getMostSpecificCause().getMessage());
        }
        text = text.toLowerCase(Locale.ROOT);
        int values = text.indexOf(" values"); // H2 quotes the offending values after the index name
        if (values >= 0) {
            text = text.substring(0, values);
        }
        if (text.contains("person_login")) {
            return "login";
        }
        if (text.contains("person_email")) {
            return "email";
        }
        if (text.contains("organization_credit_code")) {
            return "creditCode";
        }
        return "";
    }
}
