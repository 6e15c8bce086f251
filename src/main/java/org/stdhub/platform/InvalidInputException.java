package org.stdhub.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks one or more rules, field by field (field → message key). Nothing was changed. Forms show
 * each message beside its field; the API lists them in the problem detail's {@code errors}.
 */
public class InvalidInputException extends UserFacingException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("error.invalid-input");
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("errors", fieldErrors);
    }

    /** Collects rule violations, then throws once if there are any. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector check(boolean ok, String field, String messageKey) {
            if (!ok) {
                errors.putIfAbsent(field, messageKey);
            }
            return this;
        }

        public Collector add(String field, String messageKey) {
            errors.putIfAbsent(field, messageKey);
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}
