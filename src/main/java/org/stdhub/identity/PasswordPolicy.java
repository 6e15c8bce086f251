package org.stdhub.identity;

import java.util.Locale;
import java.util.Set;

/** The password rules: at least 10 characters, three of four character classes, not the login, not a common one. */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password123",
            "1234567890",
            "12345678910",
            "qwertyuiop",
            "iloveyou123",
            "admin12345",
            "abc1234567",
            "qwerty1234",
            "woaini1314",
            "a123456789",
            "1qaz2wsx3edc",
            "passw0rd!");

    private PasswordPolicy() {}

    /** The message key of the first rule the password breaks, or null when it is acceptable. */
    public static String problem(String password, String login) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password.error.too-short";
        }
        if (password.length() > 128) {
            return "password.error.too-long";
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isLowerCase)) {
            classes++;
        }
        if (password.chars().anyMatch(Character::isUpperCase)) {
            classes++;
        }
        if (password.chars().anyMatch(Character::isDigit)) {
            classes++;
        }
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
            classes++;
        }
        if (classes < 3) {
            return "password.error.classes";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (login != null && login.length() >= 3 && lower.contains(login.toLowerCase(Locale.ROOT))) {
            return "password.error.contains-login";
        }
        if (COMMON.contains(lower)) {
            return "password.error.common";
        }
        return null;
    }
}
