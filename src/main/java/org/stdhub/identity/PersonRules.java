package org.stdhub.identity;

import java.util.Locale;
import java.util.regex.Pattern;
import org.stdhub.platform.InvalidInputException;

/**
 * The rules of a person's fields (login name, e-mail address, mobile number, names) and how they are normalised.
 * They say nothing about which accounts exist.
 */
final class PersonRules {

    static final Pattern LOGIN = Pattern.compile("^[a-z0-9][a-z0-9_.-]{2,31}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final Pattern MOBILE = Pattern.compile("^\\+?[0-9 -]{6,20}$");

    private PersonRules() {}

    /** Adds an error for each broken rule of the fields (login and e-mail already normalised). */
    static void check(
            InvalidInputException.Collector errors,
            String login,
            String email,
            String mobile,
            String displayNameZh,
            String displayNameEn) {
        errors.check(login != null && LOGIN.matcher(login).matches(), "login", "person.error.login");
        errors.check(
                email != null && email.length() <= 254 && EMAIL.matcher(email).matches(),
                "email",
                "person.error.email");
        errors.check(
                mobile == null
                        || mobile.isBlank()
                        || (mobile.strip().length() <= 20
                                && MOBILE.matcher(mobile.strip()).matches()),
                "mobile",
                "person.error.mobile");
        errors.check(
                notBlank(displayNameZh) && displayNameZh.strip().length() <= 100,
                "displayNameZh",
                "person.error.display-name");
        errors.check(
                displayNameEn == null || displayNameEn.strip().length() <= 100,
                "displayNameEn",
                "person.error.display-name-en");
    }

    /** A login name or e-mail address as it is stored and compared: stripped, lower case. */
    static String trimLower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
