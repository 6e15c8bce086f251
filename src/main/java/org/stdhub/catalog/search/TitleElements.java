package org.stdhub.catalog.search;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

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
     * Separators: a dash between spaces (hyphen, en or em dash, "--"), a colon, semicolon, comma, parentheses or
     * brackets (ASCII or full-width), an enumeration comma, a full stop before a space or at the end, and
     * whitespace between Chinese characters.
     */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-\\u2013\\u2014]+\\s+|\\s*--+\\s*|[:;,()\\[\\]"
            + "\\uFF1A\\uFF1B\\uFF0C\\u3001\\uFF08\\uFF09\\u3010\\u3011\\u2014\\u300A\\u300B]|\\.(?=\\s|$)"
            + "|(?<=\\p{IsHan})\\s+|\\s+(?=\\p{IsHan})");

    /** An element longer than this is not kept (no one types it whole; it would only grow the index). */
    private static final int LONGEST = 120;

    private TitleElements() {}

    /** The elements of the titles given (nulls skipped), in order, without repeats. */
    public static Set<String> of(String... titles) {
        Set<String> elements = new LinkedHashSet<>();
        for (String title : titles) {
            if (title == null) {
                continue;
            }
            for (String part : SEPARATOR.split(title)) {
                String element = TitleGroup.normalized(part);
                if (!element.isEmpty() && element.length() <= LONGEST) {
                    elements.add(element);
                }
            }
        }
        return elements;
    }

    /** A searched text in the form of the elements (empty when it has no letter or digit). */
    public static String ofText(String text) {
        String t = TitleGroup.normalized(text);
        return t.length() <= LONGEST ? t : "";
    }
}
