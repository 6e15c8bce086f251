package org.stdhub.catalog.designation;

import static org.stdhub.catalog.designation.DesignationCodes.COPUBLISHERS;
import static org.stdhub.catalog.designation.DesignationCodes.PUBLISHERS;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdhub.catalog.Designation;

/**
 * A designation typed with spaces where it has separators ("iso iec 29341-30-11 2017", "iso 31-2 1992 amd 1
 * 1998", "iec 60086-3 2011 cor1 2011", pasted from Word tables): each space run is read as the separator the
 * grammar expects between its neighbours — between bodies "/" ("ISO IEC" → "ISO/IEC", "GB T" → "GB/T"),
 * between a number and a year ":" for ISO/IEC and "-" for Chinese designations, before an amendment
 * keyword "/" ("amd 1 1998" → "/Amd 1:1998", "cor1 2011" → "/Cor 1:2011"), elsewhere a space.
 *
 * <p>Each space has exactly one reading given its neighbours, so there is one candidate: the reading is
 * accepted only when that candidate parses, and a space that could mean two things (a bare number after a
 * number, "ISO 8601 1 2019") stays a space, so the candidate fails and no guess is made.
 */
final class SpacedReading {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d(?!\\d)");

    private static final Pattern AMENDMENT =
            Pattern.compile("(?i)((?:NP|AWI|WD|CD|PD|FPD|D|DIS|FD|FDIS)?(?:AMD|AM|COR|ADD))(\\d*)(.*)");

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private SpacedReading() {}

    /** The designation read with spaces as separators, or null when that reading does not parse. */
    static ParsedDesignation readOrNull(String text) {
        String candidate = candidate(text);
        if (candidate == null) {
            return null;
        }
        try {
            return DesignationParser.read(candidate);
        } catch (DesignationParser.Failure f) {
            return null;
        }
    }

    /** The text with its spaces read as separators, or null when there is nothing to re-read. */
    static String candidate(String text) {
        if (text == null || text.length() > Designation.MAX_LENGTH) {
            return null;
        }
        String[] tokens =
                SPACES.split(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (tokens.length < 2) {
            return null;
        }
        String first = tokens[0].toUpperCase(Locale.ROOT);
        boolean international = isBody(first.contains("/") ? first.substring(0, first.indexOf('/')) : first);
        StringBuilder sb = new StringBuilder(text.length() + 8);
        sb.append(tokens[0]);
        boolean bodies = international && isBody(lastPiece(first));
        boolean numberSeen = false;
        boolean afterKeyword = false;
        boolean yearSeen = false;
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            String upper = t.toUpperCase(Locale.ROOT);
            Matcher amendment = AMENDMENT.matcher(t);
            if (bodies && isBody(upper)) {
                sb.append('/').append(t);
            } else if (!international
                    && i == 1
                    && (upper.equals("T") || upper.equals("Z") || first.equals("T") || first.equals("Q"))) {
                sb.append('/').append(t);
            } else if (international && numberSeen && amendment.matches()) {
                bodies = false;
                sb.append('/').append(amendment.group(1));
                if (!amendment.group(2).isEmpty()) {
                    sb.append(' ').append(amendment.group(2)).append(amendment.group(3));
                    afterKeyword = false;
                    yearSeen = !amendment.group(3).isEmpty();
                } else {
                    sb.append(amendment.group(3));
                    afterKeyword = amendment.group(3).isEmpty();
                    yearSeen = false;
                }
                continue;
            } else if (afterKeyword && NUMBER.matcher(t).matches()) {
                sb.append(' ').append(t);
                afterKeyword = false;
                yearSeen = false;
                continue;
            } else if (numberSeen
                    && !yearSeen
                    && YEAR.matcher(t).lookingAt()
                    && Character.isDigit(sb.charAt(sb.length() - 1))) {
                // "2011", or the year with what follows it glued on ("1999+AMD1")
                sb.append(international ? ':' : '-').append(t);
                yearSeen = t.length() == 4 || endsWithYear(t, international);
                continue;
            } else {
                bodies = false;
                sb.append(' ').append(t);
            }
            if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                numberSeen = true;
                yearSeen = endsWithYear(t, international);
            }
            afterKeyword = false;
        }
        String candidate = sb.toString();
        return candidate.equals(text.strip()) ? null : candidate;
    }

    /** The number typed with its year ("29341:2017", "1234-2008") already has one. */
    private static boolean endsWithYear(String token, boolean international) {
        return token.matches(international ? ".*:(?:19|20)\\d\\d" : ".*\\d-(?:19|20)\\d\\d");
    }

    private static boolean isBody(String word) {
        return PUBLISHERS.contains(word) || COPUBLISHERS.containsKey(word);
    }

    private static String lastPiece(String token) {
        int slash = token.lastIndexOf('/');
        return slash < 0 ? token : token.substring(slash + 1);
    }
}
