package org.stdhub.verification.trace;

import java.util.Comparator;

/** Orders clause numbers as a standard does: 4.2 before 4.10, annex clauses (A.1) after numbered ones. */
public final class ClauseNumbers {

    private ClauseNumbers() {}

    public static final Comparator<String> ORDER = ClauseNumbers::compare;

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d{1,9}");
            boolean yn = y[i].matches("\\d{1,9}");
            int c;
            if (xn && yn) {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } else if (xn != yn) {
                c = xn ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
