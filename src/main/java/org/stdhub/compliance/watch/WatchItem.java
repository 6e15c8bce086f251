package org.stdhub.compliance.watch;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.stdhub.catalog.Designation;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;

/**
 * One thing a list follows.
 *
 * @param value the normalized designation, class code or committee
 * @param workKey the compact work key of a designation (all editions of the same document share it), else null
 */
public record WatchItem(long id, WatchItemKind kind, String value, String workKey, Instant createdAt) {

    static final Pattern ICS = Pattern.compile("^\\d{2}(\\.\\d{3}(\\.\\d{2})?)?$");
    static final Pattern CCS = Pattern.compile("^[A-Z](\\d{2})?$");

    /** Longest value read at all (spaces collapse, so a value may shrink to {@link Watchlist#MAX_NAME}). */
    static final int MAX_RAW = 4 * Watchlist.MAX_NAME;

    /** What a person typed, read as an item; the error is a field error on {@code field}. */
    record Normalized(WatchItemKind kind, String value, String workKey) {

        String label() {
            return kind + " " + value;
        }
    }

    static Normalized normalize(WatchItemKind kind, String raw, String field) {
        if (kind == null) {
            throw new InvalidInputException(Map.of("kind", "watch.error.item-kind"));
        }
        // measured before any normalising, so that a huge value costs nothing
        if (raw != null && raw.length() > MAX_RAW) {
            throw new InvalidInputException(Map.of(field, "watch.error.item-empty"));
        }
        if (raw != null
                && ControlCharacters.present(
                        raw.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '))) {
            throw new InvalidInputException(Map.of(field, "watch.error.control-characters"));
        }
        String text = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > Watchlist.MAX_NAME) {
            throw new InvalidInputException(Map.of(field, "watch.error.item-empty"));
        }
        return switch (kind) {
            case STANDARD -> {
                Designation d = Designation.tryParse(text)
                        .orElseThrow(() -> new InvalidInputException(Map.of(field, "watch.error.designation")));
                yield new Normalized(kind, d.normalized(), d.compactWorkKey());
            }
            case ICS -> {
                if (!ICS.matcher(text).matches()) {
                    throw new InvalidInputException(Map.of(field, "watch.error.ics"));
                }
                yield new Normalized(kind, text, null);
            }
            case CCS -> {
                String code = text.toUpperCase(Locale.ROOT);
                if (!CCS.matcher(code).matches()) {
                    throw new InvalidInputException(Map.of(field, "watch.error.ccs"));
                }
                yield new Normalized(kind, code, null);
            }
            case COMMITTEE -> new Normalized(kind, text, null);
        };
    }
}
