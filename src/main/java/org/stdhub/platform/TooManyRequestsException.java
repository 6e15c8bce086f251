package org.stdhub.platform;

import java.util.Map;

/** The caller has used up its allowance of expensive work (HTTP 429, with {@code Retry-After}). */
public class TooManyRequestsException extends UserFacingException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("error.too-many-requests", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the next call is allowed. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("retryAfter", retryAfterSeconds);
    }
}
