package org.stdhub.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules: at least 10 characters, at most {@value #MAX_BYTES} bytes in UTF-8 (bcrypt reads no more:
 * 72 Latin letters, digits or symbols, 24 Chinese characters), three of four character classes, not the login,
 * not a common one. Every place that sets a password (registration, reset, change, accounts made by an
 * administrator or the command line) applies them.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** bcrypt hashes the first 72 bytes of a password and refuses longer ones. */
    static final int MAX_BYTES = 72;

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
        if (password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
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
