package org.stdhub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The application's clock in every test context ({@link TestClockConfiguration}): the system clock until a test
 * moves it. {@link #set} stops it at an instant, {@link #advance} moves it on (a stopped clock stays stopped, a
 * running one keeps running, shifted). Tests that move it call {@link #reset} in {@code @AfterEach}: the clock is
 * shared by all test classes of a context.
 */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        fixed = instant;
        offset = Duration.ZERO;
    }

    /** Moves the clock on by {@code amount}. */
    public synchronized void advance(Duration amount) {
        if (fixed != null) {
            fixed = fixed.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
    }

    /**
     * Ten in the morning, in this clock's zone, {@code days} after today's date on the system clock. A test that stops
     * the clock on a day of its own takes it from here, never a fixed date: the records and role grants its fixtures
     * made "now" must not lie in the clock's future, whatever day the suite runs on.
     */
    public Instant daysFromToday(int days) {
        return today().plusDays(days).atTime(10, 0).atZone(zone).toInstant();
    }

    /** Today's date on the system clock, in this clock's zone (not moved by {@link #set} or {@link #advance}). */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Back to the system clock. */
    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** This clock seen from another zone: it moves when this one does. */
    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
