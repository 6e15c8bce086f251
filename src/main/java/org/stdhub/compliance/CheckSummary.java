package org.stdhub.compliance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many lines got each verdict. */
public record CheckSummary(
        int total,
        int current,
        int upcoming,
        int editionOutdated,
        int withdrawnReplaced,
        int withdrawnNoReplacement,
        int statusUnknown,
        int notFound,
        int unreadable) {

    public static CheckSummary of(List<CheckLine> lines) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (CheckLine l : lines) {
            n.merge(l.verdict(), 1, Integer::sum);
        }
        return new CheckSummary(
                lines.size(),
                n.getOrDefault(Verdict.CURRENT, 0),
                n.getOrDefault(Verdict.UPCOMING, 0),
                n.getOrDefault(Verdict.EDITION_OUTDATED, 0),
                n.getOrDefault(Verdict.WITHDRAWN_REPLACED, 0),
                n.getOrDefault(Verdict.WITHDRAWN_NO_REPLACEMENT, 0),
                n.getOrDefault(Verdict.STATUS_UNKNOWN, 0),
                n.getOrDefault(Verdict.NOT_FOUND, 0),
                n.getOrDefault(Verdict.UNREADABLE, 0));
    }

    /** The count of one verdict. */
    public int count(Verdict verdict) {
        return switch (verdict) {
            case CURRENT -> current;
            case UPCOMING -> upcoming;
            case EDITION_OUTDATED -> editionOutdated;
            case WITHDRAWN_REPLACED -> withdrawnReplaced;
            case WITHDRAWN_NO_REPLACEMENT -> withdrawnNoReplacement;
            case STATUS_UNKNOWN -> statusUnknown;
            case NOT_FOUND -> notFound;
            case UNREADABLE -> unreadable;
        };
    }
}
