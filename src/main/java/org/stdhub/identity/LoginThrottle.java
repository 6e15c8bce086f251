package org.stdhub.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.StateChanged;

/**
 * Failed password logins per account, kept in the database (table {@code login_failure}) so that several
 * instances share them. Two counters per account:
 *
 * <ul>
 *   <li>per account <em>and client address</em>: {@value #PAIR_MAX_FAILURES} failures within {@link #PAIR_WINDOW}
 *       pause password logins to that account from that address for {@link #PAIR_LOCK}. A stranger mistyping
 *       someone's password therefore locks out only themselves;
 *   <li>per account across all addresses (a slow back-off against guessing from many addresses): {@value
 *       #ACCOUNT_MAX_FAILURES} failures within {@link #ACCOUNT_WINDOW} pause every password login to the account
 *       for {@link #ACCOUNT_FIRST_LOCK}, doubling with each further lock up to {@link #ACCOUNT_MAX_LOCK}.
 * </ul>
 *
 * A successful login clears both counters of the account (the per-address counter of {@code AddressThrottle},
 * which caps password spraying across accounts, is deliberately left alone). Password failures never affect API
 * tokens. Locks are checked before the password is (the login gate), so a locked login learns nothing.
 *
 * <p>For identity's security layer only (the login gate and the login events); other modules never use it ({@code
 * ModuleApiTests}).
 */
@Service
@Transactional
public class LoginThrottle {

    static final int PAIR_MAX_FAILURES = 5;
    static final Duration PAIR_WINDOW = Duration.ofMinutes(15);
    static final Duration PAIR_LOCK = Duration.ofMinutes(15);
    static final int ACCOUNT_MAX_FAILURES = 50;
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);
    static final Duration ACCOUNT_FIRST_LOCK = Duration.ofMinutes(15);
    static final Duration ACCOUNT_MAX_LOCK = Duration.ofHours(24);
    /** The address of the row counting an account's failures from everywhere. */
    static final String ALL_ADDRESSES = "*";

    private final PersonRepository people;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginThrottle(PersonRepository people, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Are password logins to this account (login name or e-mail address) paused for this address? */
    @Transactional(readOnly = true)
    public boolean isLocked(String loginOrEmail, String address) {
        return person(loginOrEmail)
                .map(p -> jdbc.queryForObject(
                                "select count(*) from login_failure where person_id = ? and address in (?, ?)"
                                        + " and locked_until > ?",
                                Long.class,
                                p.getId(),
                                key(address),
                                ALL_ADDRESSES,
                                Timestamp.from(clock.instant()))
                        > 0)
                .orElse(false);
    }

    /** Counts a wrong password for the account from the address; unknown accounts are the address throttle's. */
    public void failed(String loginOrEmail, String address) {
        person(loginOrEmail).ifPresent(p -> {
            Instant now = clock.instant();
            count(p, key(address), PAIR_MAX_FAILURES, PAIR_WINDOW, locks -> PAIR_LOCK, now);
            count(p, ALL_ADDRESSES, ACCOUNT_MAX_FAILURES, ACCOUNT_WINDOW, LoginThrottle::accountLock, now);
        });
    }

    /** The person signed in from the address: their counters start again (the address's own one does not). */
    public void succeeded(long personId, String address) {
        jdbc.update(
                "delete from login_failure where person_id = ? and address in (?, ?)",
                personId,
                key(address),
                ALL_ADDRESSES);
    }

    /** The account-wide lock after {@code locks} locks: doubling from the first, capped. */
    static Duration accountLock(int locks) {
        Duration lock = ACCOUNT_FIRST_LOCK;
        for (int i = 1; i < locks && lock.compareTo(ACCOUNT_MAX_LOCK) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(ACCOUNT_MAX_LOCK) > 0 ? ACCOUNT_MAX_LOCK : lock;
    }

    private record Counter(int failures, int locks, Instant windowStart) {}

    private interface LockLength {
        Duration after(int locks);
    }

    /** One more failure in the (person, address) row, read under a row lock; locks when the limit is reached. */
    private void count(Person p, String address, int max, Duration window, LockLength lockLength, Instant now) {
        // the row exists before it is locked for update, so that two instances never insert it twice
        jdbc.update(
                "insert into login_failure (person_id, address, failures, window_start, lock_count)"
                        + " values (?, ?, 0, ?, 0) on conflict do nothing",
                p.getId(),
                address,
                Timestamp.from(now));
        Counter counter = jdbc.queryForObject(
                "select failures, lock_count, window_start from login_failure where person_id = ? and address = ?"
                        + " for update",
                (rs, i) -> new Counter(
                        rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant()),
                p.getId(),
                address);
        // a failure after the window opens a new one
        boolean windowOver = counter.windowStart().isBefore(now.minus(window));
        int failures = windowOver ? 1 : counter.failures() + 1;
        Instant windowStart = windowOver ? now : counter.windowStart();
        if (failures < max) {
            jdbc.update(
                    "update login_failure set failures = ?, window_start = ? where person_id = ? and address = ?",
                    failures,
                    Timestamp.from(windowStart),
                    p.getId(),
                    address);
            return;
        }
        int locks = counter.locks() + 1;
        Instant until = now.plus(lockLength.after(locks));
        jdbc.update(
                "update login_failure set failures = 0, window_start = ?, locked_until = ?, lock_count = ?"
                        + " where person_id = ? and address = ?",
                Timestamp.from(now),
                Timestamp.from(until),
                locks,
                p.getId(),
                address);
        events.publishEvent(StateChanged.of("person", p.getLogin(), "locked")
                .withChange("lockedUntil", null, until)
                .withComment(
                        ALL_ADDRESSES.equals(address)
                                ? max + " failed logins from any address"
                                : max + " failed logins from " + address));
    }

    private Optional<Person> person(String loginOrEmail) {
        if (loginOrEmail == null || loginOrEmail.isBlank() || loginOrEmail.length() > 254) {
            return Optional.empty();
        }
        String key = loginOrEmail.strip().toLowerCase(Locale.ROOT);
        return key.contains("@") ? people.findByEmailIgnoreCase(key) : people.findByLoginIgnoreCase(key);
    }

    private static String key(String address) {
        return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
