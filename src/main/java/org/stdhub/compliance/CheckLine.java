package org.stdhub.compliance;

import java.util.List;

/**
 * The check of one line.
 *
 * @param line number of the line in the list or file (1-based)
 * @param input the text as given (cut at 300 characters)
 * @param normalized the designation as read by the identifier engine, or null when unreadable
 * @param verdict what the check says
 * @param standard the catalog's standard the line names (the exact edition, or the current edition when no
 *     year was given), or null
 * @param currentReplacement what to use today instead: the standards in force at the end of the replacement
 *     chain (several when it branches), or the current newer edition when this edition is outdated
 * @param upcomingReplacement standards already published that will replace this one (not yet in force)
 * @param suggestions near designations when not found; the current edition of the same document when a
 *     withdrawn edition has no recorded replacement
 * @param reason why the line could not be read, in the request's language (unreadable lines only)
 * @param reasonCode the message key of {@code reason}
 */
public record CheckLine(
        int line,
        String input,
        String normalized,
        Verdict verdict,
        Ref standard,
        List<Ref> currentReplacement,
        List<Ref> upcomingReplacement,
        List<Ref> suggestions,
        String reason,
        String reasonCode) {

    public CheckLine {
        currentReplacement = currentReplacement == null ? List.of() : List.copyOf(currentReplacement);
        upcomingReplacement = upcomingReplacement == null ? List.of() : List.copyOf(upcomingReplacement);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** A line that could not be read as a designation, and why. */
    public static CheckLine unreadable(int line, String input, String reason, String reasonCode) {
        return new CheckLine(line, input, null, Verdict.UNREADABLE, null, null, null, null, reason, reasonCode);
    }

    /** A designation the catalog does not hold, with near designations. */
    public static CheckLine notFound(int line, String input, String normalized, List<Ref> suggestions) {
        return new CheckLine(line, input, normalized, Verdict.NOT_FOUND, null, null, null, suggestions, null, null);
    }

    /** A line naming {@code standard} of the catalog, judged {@code verdict}; replacements are added with the withers. */
    public static CheckLine judged(int line, String input, String normalized, Verdict verdict, Ref standard) {
        return new CheckLine(line, input, normalized, verdict, standard, null, null, null, null, null);
    }

    public CheckLine withCurrentReplacement(List<Ref> refs) {
        return new CheckLine(
                line, input, normalized, verdict, standard, refs, upcomingReplacement, suggestions, reason, reasonCode);
    }

    public CheckLine withUpcomingReplacement(List<Ref> refs) {
        return new CheckLine(
                line, input, normalized, verdict, standard, currentReplacement, refs, suggestions, reason, reasonCode);
    }

    public CheckLine withSuggestions(List<Ref> refs) {
        return new CheckLine(
                line,
                input,
                normalized,
                verdict,
                standard,
                currentReplacement,
                upcomingReplacement,
                refs,
                reason,
                reasonCode);
    }

    /** A standard of the catalog, as a check shows it. */
    public record Ref(
            String designation,
            String titleZh,
            String titleEn,
            String status,
            String published,
            String implemented,
            String implementedNote) {

        /** The title in the reader's language, falling back to the other one. */
        public String title(boolean english) {
            String first = english ? titleEn : titleZh;
            return first != null ? first : english ? titleZh : titleEn;
        }
    }
}
