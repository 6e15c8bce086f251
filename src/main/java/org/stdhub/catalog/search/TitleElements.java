package org.stdhub.catalog.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The elements of a title: the parts its punctuation separates, as ISO/IEC Directives Part 2 builds a title
 * (introductory, main and complementary elements joined by dashes, "Part N:" before the complementary one) and as
 * Chinese titles separate them by spaces or full-width punctuation ({@code 医疗保健产品灭菌 生物指示物 第3部分：…}).
 * Each element is kept in the form of {@link TitleGroup#normalized} (NFKC, lower case, punctuation one space), so
 * a text typed in that form equals it: a person who types a whole element of a title ("Electro-sensitive protective
 * equipment", {@code 压缩空气}) finds the titles where it stands on its own before those where it is inside a longer
 * element.
 */
public final class TitleElements {

    /**
     * Separators, after NFKC (which folds full-width colons, commas and brackets to ASCII): a colon, semicolon,
     * comma, parenthesis or bracket, an enumeration comma, book-title or lenticular brackets, an em or en dash, a
     * hyphen between spaces or doubled ("--"), a full stop before a space or at the end, and spaces next to a Chinese
     * character.
     */
    private static boolean alwaysSeparates(int c) {
        return switch (c) {
            case ':',
                    ';',
                    ',',
                    '(',
                    ')',
                    '[',
                    ']',
                    '\u3001',
                    '\u3010',
                    '\u3011',
                    '\u300A',
                    '\u300B',
                    '\u2013',
                    '\u2014' -> true;
            default -> false;
        };
    }

    /** An element longer than this is not kept (no one types it whole; it would only grow the index). */
    private static final int LONGEST = 120;

    private TitleElements() {}

    /** The elements of the titles given (nulls skipped), in order, without repeats. */
    public static Set<String> of(String... titles) {
        Set<String> elements = new LinkedHashSet<>();
        for (String title : titles) {
            if (title != null && !title.isEmpty()) {
                split(TitleGroup.isAscii(title) ? title : Normalizer.normalize(title, Normalizer.Form.NFKC), elements);
            }
        }
        return elements;
    }

    /** Splits a title (already in NFKC) at its separators, adding each element in normalized form. */
    private static void split(String title, Set<String> elements) {
        int from = 0;
        int n = title.length();
        for (int i = 0; i < n; i++) {
            char c = title.charAt(i);
            int skip = 0;
            if (alwaysSeparates(c)) {
                skip = 1;
            } else if (c == '.' && (i + 1 == n || Character.isWhitespace(title.charAt(i + 1)))) {
                skip = 1;
            } else if (c == '-' && i + 1 < n && title.charAt(i + 1) == '-') {
                skip = 2;
            } else if (Character.isWhitespace(c)) {
                int end = i;
                while (end < n && Character.isWhitespace(title.charAt(end))) {
                    end++;
                }
                int dashes = end;
                while (dashes < n && title.charAt(dashes) == '-') {
                    dashes++;
                }
                boolean spacedDash = dashes > end && (dashes == n || Character.isWhitespace(title.charAt(dashes)));
                boolean han = (i > 0 && isHan(title.codePointBefore(i))) || (end < n && isHan(title.codePointAt(end)));
                if (spacedDash) {
                    skip = dashes - i;
                } else if (han) {
                    skip = end - i;
                }
            }
            if (skip > 0) {
                add(title.substring(from, i), elements);
                i += skip - 1;
                from = i + 1;
            }
        }
        add(title.substring(from), elements);
    }

    private static void add(String part, Set<String> elements) {
        String element = TitleGroup.words(part);
        if (!element.isEmpty() && element.length() <= LONGEST) {
            elements.add(element);
        }
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** A searched text in the form of the elements (empty when it has no letter or digit). */
    public static String ofText(String text) {
        String t = TitleGroup.normalized(text);
        return t.length() <= LONGEST ? t : "";
    }
}
