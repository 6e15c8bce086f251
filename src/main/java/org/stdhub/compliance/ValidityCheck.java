package org.stdhub.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.compliance.check.CheckEngine;

/**
 * The validity check (查新) of a list of standards: reads each line with the identifier engine and says
 * whether the standard is current, upcoming, outdated, withdrawn (and what replaces it today), unknown or
 * unreadable. Stores nothing. Anyone may check {@value #ANONYMOUS_LIMIT} lines at a time, signed-in people
 * {@value #SIGNED_IN_LIMIT}.
 */
@Service
@Transactional(readOnly = true)
public class ValidityCheck {

    public static final int ANONYMOUS_LIMIT = 200;
    public static final int SIGNED_IN_LIMIT = 10_000;

    private final CheckEngine engine;

    ValidityCheck(CheckEngine engine) {
        this.engine = engine;
    }

    /** Checks designations given as a list (line numbers are their positions, blank ones skipped). */
    public CheckReport checkDesignations(List<String> designations, boolean signedIn, Locale locale) {
        if (designations == null) {
            throw new CheckInputException("compliance.error.empty");
        }
        List<CheckEntry> entries = new ArrayList<>(designations.size());
        for (int i = 0; i < designations.size(); i++) {
            String text = designations.get(i);
            if (text != null && !text.isBlank()) {
                entries.add(new CheckEntry(i + 1, text));
            }
        }
        return check(entries, signedIn, locale);
    }

    /**
     * Checks the given lines.
     *
     * @throws CheckInputException when there is nothing to check or more lines than allowed
     */
    public CheckReport check(List<CheckEntry> entries, boolean signedIn, Locale locale) {
        checkSize(entries.size(), signedIn);
        return engine.check(entries, locale);
    }

    /** Refuses an empty list and one longer than the limit of the caller. */
    public static void checkSize(int lines, boolean signedIn) {
        if (lines == 0) {
            throw new CheckInputException("compliance.error.empty");
        }
        if (!signedIn && lines > ANONYMOUS_LIMIT) {
            throw new CheckInputException(
                    Map.of("lines", lines, "limit", ANONYMOUS_LIMIT, "signedInLimit", SIGNED_IN_LIMIT),
                    "compliance.error.too-many-anonymous",
                    lines,
                    ANONYMOUS_LIMIT,
                    SIGNED_IN_LIMIT);
        }
        if (lines > SIGNED_IN_LIMIT) {
            throw new CheckInputException(
                    Map.of("lines", lines, "limit", SIGNED_IN_LIMIT),
                    "compliance.error.too-many",
                    lines,
                    SIGNED_IN_LIMIT);
        }
    }
}
