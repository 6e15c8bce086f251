package org.stdhub.talent.training;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A small iCalendar writer (RFC 5545): VCALENDAR with VEVENTs, times in UTC, text values escaped (§3.3.11), content
 * lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF line ends.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    public ICalendar(String productId) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:" + escape(productId));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
    }

    /** One event; {@code uid} must be globally unique and stable. */
    public ICalendar event(
            String uid, Instant stamp, Instant start, Instant end, String summary, String location, String url) {
        line("BEGIN:VEVENT");
        line("UID:" + escape(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(end));
        line("SUMMARY:" + escape(summary));
        if (location != null && !location.isBlank()) {
            line("LOCATION:" + escape(location));
        }
        if (url != null) {
            line("URL:" + url);
        }
        line("END:VEVENT");
        return this;
    }

    public String finish() {
        line("END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping: backslash, semicolon, comma, newline. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets: continuation lines start with one space. */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
