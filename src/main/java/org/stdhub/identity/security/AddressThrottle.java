package org.stdhub.identity.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed logins per client address, kept in the database (so that several instances share it): more than
 * {@link #MAX_FAILURES} failures within {@link #WINDOW} lock the address out of logging in for {@link #LOCK}.
 * A successful login does not reset the count: it caps password spraying (one password tried on many accounts)
 * even when one of the guesses is right.
 */
@Component
class AddressThrottle {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AddressThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean isLocked(String address) {
        List<Timestamp> until = jdbc.queryForList(
                "select locked_until from login_throttle where address = ?", Timestamp.class, key(address));
        return !until.isEmpty()
                && until.getFirst() != null
                && until.getFirst().toInstant().isAfter(clock.instant());
    }

    @Transactional
    void failed(String address) {
        String key = key(address);
        Instant now = clock.instant();
        // the row exists before it is counted in, so that two instances never insert it twice; the count itself is
        // one atomic update (the row is locked by it until the transaction ends)
        jdbc.update(
                "insert into login_throttle (address, failures, window_start) values (?, 0, ?) on conflict do nothing",
                key,
                Timestamp.from(now));
        jdbc.update(
                "update login_throttle set failures = case when window_start < ? then 1 else failures + 1 end,"
                        + " window_start = case when window_start < ? then ? else window_start end where address = ?",
                Timestamp.from(now.minus(WINDOW)),
                Timestamp.from(now.minus(WINDOW)),
                Timestamp.from(now),
                key);
        jdbc.update(
                "update login_throttle set locked_until = ?, failures = 0 where address = ? and failures >= ?",
                Timestamp.from(now.plus(LOCK)),
                key,
                MAX_FAILURES);
    }

    private static String key(String address) {
        return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
