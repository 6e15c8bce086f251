package org.stdhub.compliance;

import java.util.Map;
import org.stdhub.platform.UserFacingException;

/** A list or file that cannot be checked (empty, too long, wrong type, unreadable): HTTP 400, nothing stored. */
public class CheckInputException extends UserFacingException {

    private final transient Map<String, Object> properties;

    public CheckInputException(String messageKey, Object... args) {
        this(Map.of(), messageKey, args);
    }

    public CheckInputException(Map<String, Object> properties, String messageKey, Object... args) {
        super(messageKey, args);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Map<String, Object> problemProperties() {
        return properties;
    }
}
