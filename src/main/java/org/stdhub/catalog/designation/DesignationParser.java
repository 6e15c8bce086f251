package org.stdhub.catalog.designation;

import static org.stdhub.catalog.designation.DesignationCodes.CYRILLIC;
import static org.stdhub.catalog.designation.DesignationCodes.PUBLISHERS;
import static org.stdhub.catalog.designation.DesignationCodes.STAGES;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.DesignationParseException;

/**
 * Reads a designation from what people type: cleans the text (NFKC, full-width forms, every dash and
 * space, Cyrillic ISO words), hands it to the grammar it starts with ({@link InternationalGrammar} for
 * ISO/IEC, {@link ChineseGrammar} otherwise) and, when that fails, tries once more with glued parts spaced
 * apart, and then with spaces read as the separators the grammar expects ({@link SpacedReading}). The
 * grammars extend this class: it holds the cleaned text, the read position and the scanning
 * helpers they share.
 */
public abstract sealed class DesignationParser permits InternationalTail, ChineseGrammar {

    /** The cleaned input: original case, upper case, and for each cleaned index the index in {@code src}. */
    record CleanedText(String src, char[] o, char[] u, int[] map, int n) {}

    /** Internal, stackless: a failed parse must stay cheap on the search path. */
    static final class Failure extends RuntimeException {
        final String key;
        final int position;
        final transient Object[] args;

        Failure(String key, int position, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.position = position;
            this.args = args;
        }
    }

    /** Glued forms people type without spaces: "IECTR61850" (type glued to publisher), "2007CSV" (variant glued to year). */
    private static final Pattern GLUED_TYPE =
            Pattern.compile("(?i)^((?:ISO|IEC)(?:/(?:IEC|IEEE|ASTM|SAE))*)(TR|TS|PAS|GUIDE|ISP|TTA)\\s*(?=\\d)");

    private static final Pattern GLUED_VARIANT = Pattern.compile("(?i)(\\d)(CSV|RLV|CMV|EXV)\\s*$");

    /** The cleaned text, handed on to another grammar (the adopted designation after a Chinese one). */
    final CleanedText text;

    final String src;
    /** cleaned input, original case */
    final char[] o;
    /** cleaned input, upper case */
    final char[] u;
    /** index in cleaned input → index in src */
    final int[] map;

    final int n;
    int pos;

    DesignationParser(CleanedText text) {
        this.text = text;
        this.src = text.src();
        this.o = text.o();
        this.u = text.u();
        this.map = text.map();
        this.n = text.n();
    }

    /**
     * Reads a designation.
     *
     * @throws DesignationParseException with a message key, arguments and position when it cannot
     */
    public static ParsedDesignation parse(String text) {
        try {
            return read(text);
        } catch (Failure f) {
            ParsedDesignation respaced = respacedOrNull(text);
            if (respaced != null) {
                return respaced;
            }
            ParsedDesignation spaced = SpacedReading.readOrNull(text);
            if (spaced != null) {
                return spaced;
            }
            throw new DesignationParseException(f.key, f.position, f.args);
        }
    }

    /** Reads a designation, or empty when the text is not one (no exception is built for the caller). */
    public static Optional<ParsedDesignation> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(text));
        } catch (Failure f) {
            ParsedDesignation respaced = respacedOrNull(text);
            return Optional.ofNullable(respaced != null ? respaced : SpacedReading.readOrNull(text));
        }
    }

    /** A second reading with the glued parts spaced apart, or null when that does not help either. */
    private static ParsedDesignation respacedOrNull(String text) {
        if (text == null || text.length() > Designation.MAX_LENGTH) {
            return null;
        }
        String respaced = GLUED_VARIANT
                .matcher(GLUED_TYPE.matcher(text.strip()).replaceFirst("$1 $2 "))
                .replaceFirst("$1 $2");
        if (respaced.equals(text.strip())) {
            return null;
        }
        try {
            return read(respaced);
        } catch (Failure again) {
            return null;
        }
    }

    // ------------------------------------------------------------ dispatch

    static ParsedDesignation read(String text) {
        CleanedText cleaned = clean(text);
        InternationalGrammar international = new InternationalGrammar(cleaned);
        return international.isInternationalStart(0) ? international.read(0) : new ChineseGrammar(cleaned).read();
    }

    final boolean isInternationalStart(int p) {
        int e = lettersEnd(p);
        if (e == p) {
            return false;
        }
        String w = up(p, e);
        if (PUBLISHERS.contains(w)) {
            return true;
        }
        if (p == 0 && DesignationCodes.PROJECT_STAGES.contains(w) && at(e, ' ') && isAlnum(u[Math.min(e + 1, n - 1)])) {
            return true; // an IEC project code: "PWI 100-44 ED1"
        }
        if (w.equals("IEEE") && at(e, '/')) {
            return true;
        }
        if (w.startsWith("FPR") && PUBLISHERS.contains(w.substring(3))) {
            return true;
        }
        return (STAGES.containsKey(w) || w.equals("GUIDE")) && at(e, ' ') && isInternationalStart(e + 1);
    }

    // ------------------------------------------------------------ cleaning

    static CleanedText clean(String text) {
        if (text == null || text.isEmpty()) {
            throw new Failure(DesignationParseException.EMPTY, -1);
        }
        if (text.length() > Designation.MAX_LENGTH) {
            throw new Failure(DesignationParseException.TOO_LONG, -1, text.length(), Designation.MAX_LENGTH);
        }
        String src = needsNfkc(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        int len = src.length();
        char[] o = new char[len];
        int[] map = new int[len];
        int n = 0;
        int pendingSpace = -1;
        boolean cyrillic = false;
        for (int i = 0; i < len; i++) {
            char c = mapChar(src.charAt(i));
            if (c == 0) {
                continue;
            }
            if (c == ' ') {
                if (pendingSpace < 0) {
                    pendingSpace = i;
                }
                continue;
            }
            if (pendingSpace >= 0) {
                if (n > 0 && !glue(o[n - 1]) && !glue(c)) {
                    o[n] = ' ';
                    map[n++] = pendingSpace;
                }
                pendingSpace = -1;
            }
            if (c >= 0x0400 && c <= 0x04FF) {
                cyrillic = true;
            }
            o[n] = c;
            map[n++] = i;
        }
        if (n == 0) {
            throw new Failure(DesignationParseException.EMPTY, -1);
        }
        char[] u = new char[n];
        for (int i = 0; i < n; i++) {
            char c = o[i];
            u[i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c < 0x80 ? c : Character.toUpperCase(c);
        }
        if (cyrillic) {
            return replaceCyrillic(src, o, u, map, n);
        }
        return new CleanedText(src, o, u, map, n);
    }

    private static boolean needsNfkc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && mapChar(c) == c && !(c >= 0x0400 && c <= 0x04FF)) {
                return true;
            }
        }
        return false;
    }

    /** Spaces next to these characters carry no meaning and are dropped. */
    private static boolean glue(char c) {
        return c == '/' || c == '-' || c == ':' || c == '+' || c == '.' || c == ',' || c == '(' || c == ')' || c == '|';
    }

    /** Full-width to ASCII, every dash to '-', every space to ' '; 0 drops the character. */
    private static char mapChar(char c) {
        if (c < 0x80) {
            return c <= ' ' || c == 0x7F ? ' ' : c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> {
                return ' ';
            }
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {
                return 0;
            }
            case '\u2010',
                    '\u2011',
                    '\u2012',
                    '\u2013',
                    '\u2014',
                    '\u2015',
                    '\u2212',
                    '\u2043',
                    '\uFE58',
                    '\uFE63',
                    '\u2E3A',
                    '\u2E3B' -> {
                return '-';
            }
            case '\u3002', '\uFF61' -> {
                return '.';
            }
            case '\u3001' -> {
                return ',';
            }
            case '\u2236' -> {
                return ':';
            }
            default -> {
                if (c >= '\u2000' && c <= '\u200A') {
                    return ' ';
                }
                return c;
            }
        }
    }

    private static CleanedText replaceCyrillic(String src, char[] o, char[] u, int[] map, int n) {
        char[] o2 = new char[n * 3];
        char[] u2 = new char[n * 3];
        int[] m2 = new int[n * 3];
        int k = 0;
        int i = 0;
        while (i < n) {
            if (isCyrillicLetter(u[i])) {
                int j = i;
                while (j < n && isCyrillicLetter(u[j])) {
                    j++;
                }
                String repl = CYRILLIC.get(new String(u, i, j - i));
                if (repl != null) {
                    for (int r = 0; r < repl.length(); r++) {
                        o2[k] = repl.charAt(r);
                        u2[k] = repl.charAt(r);
                        m2[k++] = map[i];
                    }
                    i = j;
                    continue;
                }
                while (i < j) {
                    o2[k] = o[i];
                    u2[k] = u[i];
                    m2[k++] = map[i++];
                }
                continue;
            }
            o2[k] = o[i];
            u2[k] = u[i];
            m2[k++] = map[i++];
        }
        return new CleanedText(src, o2, u2, m2, k);
    }

    private static boolean isCyrillicLetter(char c) {
        return c >= 0x0400 && c <= 0x04FF;
    }

    // ------------------------------------------------------------ helpers

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    final int lettersEnd(int p) {
        while (p < n && isLetter(u[p])) {
            p++;
        }
        return p;
    }

    final int digitsEnd(int p) {
        while (p < n && isDigit(u[p])) {
            p++;
        }
        return p;
    }

    final int alnumEnd(int p) {
        while (p < n && isAlnum(u[p])) {
            p++;
        }
        return p;
    }

    final String up(int from, int to) {
        return new String(u, from, to - from);
    }

    final boolean at(int p, char c) {
        return p < n && u[p] == c;
    }

    final boolean digitAt(int p) {
        return p < n && isDigit(u[p]);
    }

    final boolean letterAt(int p) {
        return p < n && isLetter(u[p]);
    }

    /** Four digits 1900..2099 at p, not followed by another alphanumeric. */
    final boolean yearAt(int p) {
        return yearDigits(p) && (p + 4 == n || !isAlnum(u[p + 4]));
    }

    /** Four digits 1900..2099 start at p. */
    final boolean yearDigits(int p) {
        return p + 4 <= n
                && isDigit(u[p])
                && isDigit(u[p + 1])
                && isDigit(u[p + 2])
                && isDigit(u[p + 3])
                && ((u[p] == '1' && u[p + 1] == '9') || (u[p] == '2' && u[p + 1] == '0'));
    }

    final int position(int p) {
        if (p < n) {
            return map[p] + 1;
        }
        return map[n - 1] + 2;
    }

    final Failure unexpected(int p) {
        if (p >= n) {
            return new Failure(DesignationParseException.UNEXPECTED_END, position(p), position(p));
        }
        int i = map[p];
        String ch = src.substring(i, Character.isHighSurrogate(src.charAt(i)) && i + 1 < src.length() ? i + 2 : i + 1);
        return new Failure(DesignationParseException.UNEXPECTED_CHAR, position(p), ch, position(p));
    }

    final Failure unknownPrefix(int from, int to) {
        return new Failure(DesignationParseException.UNKNOWN_PREFIX, position(from), new String(o, from, to - from));
    }

    final Failure missingNumber(int p, String prefix) {
        if (p < n && !isDigit(u[p]) && !isLetter(u[p]) && u[p] != ' ') {
            return unexpected(p);
        }
        return new Failure(DesignationParseException.MISSING_NUMBER, position(p), prefix);
    }

    final Failure badYear(int from, int to) {
        return new Failure(
                DesignationParseException.BAD_YEAR, position(from), new String(o, from, to - from), position(from));
    }

    final String checkedYear(int from) {
        if (!yearAt(from)) {
            int to = alnumEnd(from);
            throw badYear(from, Math.max(to, Math.min(n, from + 4)));
        }
        return up(from, from + 4);
    }
}
