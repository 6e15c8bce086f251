package org.stdhub.development;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdhub.catalog.ChineseStandardPrefixes;
import org.stdhub.catalog.Designation;

/**
 * Finds the standards a text cites: candidates that look like a designation (a known kind of prefix followed by a
 * number, parts and a year, e.g. "GB/T 1.1—2020", "ISO 9001:2015", "T/CAS 2.2-2018"), each confirmed by the
 * catalog's {@link Designation} reader; what it cannot read is not a citation. Each designation once, in order of
 * first appearance, as the reader normalizes it.
 */
final class CitedDesignations {

    static final int MAX = 500;

    private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9/])("
            + "GB/[TZ]|GB|GJB|DB\\d{2}/T|DB\\d{2}|T/[A-Z][A-Z0-9]{1,11}|Q/[A-Z0-9]{2,12}"
            + "|ISO/IEC(?: (?:TR|TS|Guide))?|ISO/TR|ISO/TS|ISO|IEC/TR|IEC/TS|IEC|ITU-T [A-Z]|EN|IEEE|ASTM [A-Z]"
            + "|[A-Z]{2,3}/T|[A-Z]{2,3})"
            + "[ \\u00A0\\u3000]?\\d{1,6}(?:[.\\-—–:：]\\s?\\d{1,5})*");

    /** A short upper-case prefix is a citation only when it is a shipped industry prefix ("YY", "NB/T", not "PDF"). */
    private static final Pattern GENERIC = Pattern.compile("[A-Z]{2,3}(/T)?");

    private static final ChineseStandardPrefixes PREFIXES = new ChineseStandardPrefixes();

    private CitedDesignations() {}

    static List<String> in(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = CANDIDATE.matcher(text == null ? "" : text);
        while (m.find() && found.size() < MAX) {
            String prefix = m.group(1);
            if (GENERIC.matcher(prefix).matches()
                    && !Set.of("GB", "GJB", "ISO", "IEC", "EN").contains(prefix)
                    && !PREFIXES.isTaken(prefix.replace("/T", ""))) {
                continue;
            }
            String candidate = m.group()
                    .replace('—', '-')
                    .replace('–', '-')
                    .replace('：', ':')
                    .replace('\u3000', ' ')
                    .replace('\u00A0', ' ');
            Designation.tryParse(candidate)
                    .filter(d -> d.kind() != null)
                    .ifPresent(d -> found.putIfAbsent(d.compactKey(), d.normalized()));
        }
        return List.copyOf(found.values());
    }
}
