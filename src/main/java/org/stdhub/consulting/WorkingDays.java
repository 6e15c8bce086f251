package org.stdhub.consulting;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days: Monday to Friday (no holiday calendar is kept). */
final class WorkingDays {

    private WorkingDays() {}

    /** The day {@code days} working days after {@code from} (a weekend start counts from the next Monday). */
    static LocalDate after(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    static boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
