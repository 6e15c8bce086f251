package org.stdhub.programme;

import org.stdhub.platform.InvalidInputException;

/** Free text as the programme's forms take it: stripped, required or optional, with a length limit. */
final class Text {

    private Text() {}

    static String required(String value, int max, String field, InvalidInputException.Collector errors) {
        String v = value == null ? "" : value.strip();
        errors.check(!v.isEmpty(), field, "programme.error.required");
        errors.check(v.length() <= max, field, "programme.error.too-long");
        return v;
    }

    static String optional(String value, int max, String field, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        errors.check(v.length() <= max, field, "programme.error.too-long");
        return v;
    }
}
