package org.stdhub.platform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The allowance of expensive work ({@link RateLimited} handlers): a token bucket (Bucket4j) per client holding
 * {@code stdhub.rate-limit.anonymous} calls per {@code stdhub.rate-limit.period} for anonymous callers, keyed by
 * their address, and {@code stdhub.rate-limit.signed-in} per person for signed-in ones (0, the default: no limit,
 * since a person is accountable and can be suspended).
 *
 * <p>The buckets live in memory, per instance: several instances behind a load balancer each grant the full
 * allowance, and a restart refills every bucket. The address is the connection's ({@code getRemoteAddr()}): behind a
 * reverse proxy, enable {@code server.forward-headers-strategy} so that it is the client's. When more than
 * {@value #MAX_CLIENTS} clients hold a bucket, all buckets are dropped (each starts full again) rather than
 * letting the map grow.
 */
@Component
public class ExpensiveRequests {

    static final int MAX_CLIENTS = 100_000;

    private final int anonymous;
    private final int signedIn;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ExpensiveRequests(
            @Value("${stdhub.rate-limit.anonymous:60}") int anonymous,
            @Value("${stdhub.rate-limit.signed-in:0}") int signedIn,
            @Value("${stdhub.rate-limit.period:1m}") Duration period) {
        this.anonymous = anonymous;
        this.signedIn = signedIn;
        this.period = period;
    }

    /** Calls an anonymous client may make per {@link #period()} (0: no limit). */
    public int anonymousCapacity() {
        return anonymous;
    }

    /** Calls a signed-in person may make per {@link #period()} (0: no limit). */
    public int signedInCapacity() {
        return signedIn;
    }

    public Duration period() {
        return period;
    }

    /**
     * Takes one call from the caller's allowance.
     *
     * @throws TooManyRequestsException when it is used up, saying when the next call is allowed
     */
    public void admit(HttpServletRequest request) {
        boolean signed = request.getUserPrincipal() != null;
        int capacity = signed ? signedIn : anonymous;
        if (capacity <= 0) {
            return;
        }
        String key = signed ? "person:" + request.getUserPrincipal().getName() : "address:" + request.getRemoteAddr();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyRequestsException(seconds);
        }
    }
}
