package org.stdhub.catalog.search;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.apache.lucene.util.StringHelper;

/**
 * The group of editions that carry one title: the Chinese title when there is one, else the English one,
 * compared in NFKC (full-width folded), without case, and with every run of punctuation or spaces read as one
 * space ("Part 2: Dimensions" and "Part 2 - Dimensions" alike), an amendment's or corrigendum's mark left out (its
 * document's group). The group is a 64-bit hash of that form (two
 * MurmurHash3 halves): two different titles share one with a probability of about 10⁻⁸ at a million titles, and
 * then one of them is only listed a little lower.
 */
public final class TitleGroup {

    /** No title. */
    public static final long NONE = 0L;

    private TitleGroup() {}

    public static long of(String titleZh, String titleEn) {
        String title = normalized(titleZh);
        if (title.isEmpty()) {
            title = normalized(titleEn);
        }
        if (title.isEmpty()) {
            return NONE;
        }
        byte[] bytes = withoutSupplementMark(title).getBytes(StandardCharsets.UTF_8);
        long group = ((long) StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 0x5EED) << 32)
                | (StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 0x7177_1E) & 0xFFFF_FFFFL);
        return group == NONE ? 1 : group;
    }

    /**
     * The title of the document a supplement's title names: "Corrigendum 1 - X", "Amendment 2 - X", "X - Amendment 1:
     * Climate action changes", "X - Technical Corrigendum 1" are X (in normalized form), so that an amendment or a
     * corrigendum counts as a repeat of the document it supplements.
     */
    static String withoutSupplementMark(String normalized) {
        String t = SUPPLEMENT_FIRST.matcher(normalized).replaceFirst("");
        t = SUPPLEMENT_LAST.matcher(t).replaceFirst("");
        return t.isEmpty() ? normalized : t;
    }

    private static final Pattern SUPPLEMENT_FIRST =
            Pattern.compile("^(?:technical )?(?:amendment|corrigendum|erratum|addendum|supplement) \\d+ ");
    private static final Pattern SUPPLEMENT_LAST =
            Pattern.compile(" (?:technical )?(?:amendment|corrigendum|erratum|addendum) \\d+(?: .*)?$");

    /**
     * NFKC (skipped for ASCII), lower case, every run of characters other than letters and digits one space, none at
     * either end. A loop over the code points: it runs for every title the import indexes.
     */
    static String normalized(String title) {
        if (title == null || title.isEmpty()) {
            return "";
        }
        return words(isAscii(title) ? title : Normalizer.normalize(title, Normalizer.Form.NFKC));
    }

    /** {@link #normalized} of a text already in NFKC: lower case, words joined by one space. */
    static String words(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
