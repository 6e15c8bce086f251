package org.stdhub.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.DesignationParseException;

/**
 * A line of a list as the identifier engine read it: a designation, or why it could not.
 *
 * @param designation the designation read, or null
 * @param reasonCode the message key of why not, or null
 * @param reasonArgs the message's arguments
 */
record LineReading(Designation designation, String reasonCode, Object[] reasonArgs) {

    /** Inputs are echoed up to this length. */
    static final int MAX_INPUT = 300;

    boolean readable() {
        return designation != null;
    }

    /**
     * Reads a line. A designation followed by its title ("GB/T 19001-2016 质量管理体系 要求", "ISO 9001:2015
     * Quality management systems", or a tab and anything) is read as the designation.
     */
    static LineReading of(String raw) {
        String text = raw == null ? "" : raw.strip();
        Optional<Designation> whole = Designation.tryParse(text);
        if (whole.isPresent()) {
            return new LineReading(whole.get(), null, null);
        }
        for (int cut : titleStarts(text)) {
            Optional<Designation> head =
                    Designation.tryParse(text.substring(0, cut).strip());
            if (head.isPresent()) {
                return new LineReading(head.get(), null, null);
            }
        }
        try {
            return new LineReading(Designation.parse(text), null, null);
        } catch (DesignationParseException e) {
            return new LineReading(null, e.messageKey(), e.args());
        }
    }

    /** Where a title may start after a designation: a tab, a CJK character or 《, or a lower-case word. */
    static List<Integer> titleStarts(String text) {
        List<Integer> cuts = new ArrayList<>(2);
        boolean digit = false;
        for (int i = 0; i < text.length() && cuts.size() < 3; i++) {
            char c = text.charAt(i);
            if (digit) {
                boolean cjk = (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '《';
                if (c == '\t' || cjk) {
                    cuts.add(i);
                    break;
                }
                if (Character.isWhitespace(c) && titleWordAt(text, i + 1)) {
                    cuts.add(i);
                }
            }
            digit |= Character.isDigit(c);
        }
        return cuts;
    }

    private static boolean titleWordAt(String text, int i) {
        int letters = 0;
        boolean lower = false;
        while (i < text.length() && Character.isLetter(text.charAt(i)) && text.charAt(i) < 0x3000) {
            lower |= Character.isLowerCase(text.charAt(i));
            letters++;
            i++;
        }
        return letters >= 3 && lower;
    }

    /** The text as a report shows it: stripped, cut at {@link #MAX_INPUT} characters. */
    static String echo(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= MAX_INPUT ? t : t.substring(0, MAX_INPUT) + "…";
    }
}
