package org.stdhub.platform;

/**
 * Control characters in text that people send: refused where they are typed (names), replaced where text is
 * written into XML (Atom feeds, the XHTML behind PDF reports), which cannot hold most of them at all.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** Whether the text holds a C0 or C1 control character or DEL (tab, line feed and carriage return included). */
    public static boolean present(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every character that XML 1.0 does not allow (controls other than tab, line feed and carriage
     * return, unpaired surrogates, U+FFFE/U+FFFF) replaced by U+FFFD; null stays null.
     */
    public static String xmlSafe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean ok;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                ok = true;
                width = 2;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.append(text, i, i + width);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += width - 1;
        }
        return out == null ? text : out.toString();
    }
}
