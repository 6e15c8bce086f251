package org.stdhub.catalog.designation;

import org.stdhub.catalog.Designation.Amendment;
import org.stdhub.catalog.StandardKind;

/**
 * The compact keys that standards are found by: the {@code designation_key} and {@code work_key} columns
 * and the {@code designationKey} index field.
 *
 * <p>A designation's key is the upper-case letters and digits of its canonical form ("GBT190012016"),
 * with one exception: where two digit groups meet across a part boundary a "-" is kept ("ISO 1043-4:1998"
 * → "ISO1043-41998", "GB/T 5606.1-2004" → "GBT5606-12004"), and "." before a draft iteration, so that
 * different standards ("ISO 10434:1998") never share a key. The work key is the key of the work without
 * year. {@link #ofText} is the looser key of any typed text, without those separators.
 */
public final class CompactKey {

    private final StringBuilder sb = new StringBuilder(32);

    private CompactKey() {}

    /** The key of the designation: "GBT190012016", "ISO1043-41998". */
    public static String of(ParsedDesignation p) {
        CompactKey key = new CompactKey();
        if (p.kind != StandardKind.INTERNATIONAL) {
            key.text(p.prefix).sector(p.sector);
            key.groups(p.number);
            if (p.fullPart() != null) {
                key.groups(p.fullPart());
            }
            if (p.year != null) {
                key.year(p.year);
            }
            for (Amendment a : p.amendments()) {
                key.text("XG").text(a.number());
                if (a.year() != null) {
                    key.year(a.year());
                }
            }
            return key.toString();
        }
        key.text(CanonicalForm.head(p, p.stage));
        if (p.title != null) {
            key.text(p.title);
        } else {
            key.groups(p.number);
            if (p.fullPart() != null) {
                key.groups(p.fullPart());
            }
            if (p.iteration != null) {
                key.iteration(p.iteration);
            }
        }
        if (p.year != null) {
            key.year(p.year);
        }
        for (Amendment a : p.amendments()) {
            if (a.stage() != null) {
                key.text(a.stage());
            }
            key.text(a.kind().name());
            if (a.number() != null) {
                key.groupsDotted(a.number());
            }
            if (a.year() != null) {
                key.year(a.year());
            }
        }
        if (p.suffix != null) {
            key.text(p.suffix);
        }
        for (String l : p.languages()) {
            key.text(l);
        }
        if (p.allParts) {
            key.text("ALLPARTS");
        }
        return key.toString();
    }

    /** The key of the work without year, amendments, stage and variant: "GBT19001", "ISOTR30406". */
    public static String ofWork(ParsedDesignation p) {
        CompactKey work = new CompactKey();
        if (p.kind != StandardKind.INTERNATIONAL) {
            return work.text(p.prefix)
                    .sector(p.sector)
                    .groups(p.number)
                    .groups(p.fullPart())
                    .toString();
        }
        work.text(CanonicalForm.head(p, null));
        if (p.title != null) {
            work.text(p.title);
        } else {
            work.groups(p.number);
            if (p.fullPart() != null) {
                work.groups(p.fullPart());
            }
        }
        return work.toString();
    }

    /**
     * Upper-case ASCII letters and digits of any text (full-width folded), without group separators: what a
     * search for typed text that is not a designation matches in the keys.
     */
    public static String ofText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c)
                .filter(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                .forEach(c -> out.append(Character.toUpperCase((char) c)));
        return out.toString();
    }

    private CompactKey text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 32));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return this;
    }

    /**
     * The characters of a metrology sector that {@link #text} leaves out (Chinese ones): "JJG(京) 33-2003" and
     * "JJG(沪) 33-2003" are different regulations, and neither is the national "JJG 33".
     */
    private CompactKey sector(String sector) {
        if (sector != null) {
            for (int i = 0; i < sector.length(); i++) {
                char c = sector.charAt(i);
                if (c >= 0x80) {
                    sb.append(c);
                }
            }
            if (sector.chars().allMatch(c -> c < 0x80)) {
                sb.append('_'); // "JJF(CR) 029" is not "JJFCR 029"
            }
        }
        return this;
    }

    /** Appends number groups separated by '-', '.', '/' in s, keeping a "-" between two digit groups. */
    private CompactKey groups(String s) {
        if (s == null) {
            return this;
        }
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '-' || s.charAt(i) == '.' || s.charAt(i) == '/') {
                if (i > start) {
                    group(s.substring(start, i), '-');
                }
                start = i + 1;
            }
        }
        return this;
    }

    /** An amendment number such as "2.3" (number and iteration). */
    private CompactKey groupsDotted(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return group(s, '-');
        }
        group(s.substring(0, dot), '-');
        return group(s.substring(dot + 1), '.');
    }

    private CompactKey iteration(String s) {
        return group(s, '.');
    }

    /** A year never gets a separator: it is always exactly four digits. */
    private CompactKey year(String s) {
        sb.append(s);
        return this;
    }

    private CompactKey group(String g, char sep) {
        int len = sb.length();
        if (len > 0 && isDigit(sb.charAt(len - 1)) && !g.isEmpty() && isDigit(g.charAt(0))) {
            sb.append(sep);
        }
        return text(g);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
