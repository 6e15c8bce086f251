package org.stdhub.catalog.web;

import java.util.List;
import org.stdhub.catalog.InvalidSearchException;
import org.stdhub.catalog.StandardSearchQuery;

/** Search parameters as they arrive on the URL (bound by name), turned into a validated query. */
record SearchParameters(
        String q,
        List<String> status,
        List<String> body,
        List<String> kind,
        String ics,
        String ccs,
        String from,
        String to,
        String sort,
        String page,
        String size) {

    StandardSearchQuery toQuery() {
        StandardSearchQuery.Sort order;
        try {
            order = sort == null || sort.isBlank()
                    ? StandardSearchQuery.Sort.RELEVANCE
                    : StandardSearchQuery.Sort.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("sort", "search.error.sort", sort);
        }
        return new StandardSearchQuery(
                        q,
                        clean(status),
                        clean(body),
                        clean(kind),
                        ics,
                        ccs,
                        integer("from", from, null),
                        integer("to", to, null),
                        order,
                        integer("page", page, 0),
                        integer("size", size, 20))
                .validated();
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
    }

    private static Integer integer(String name, String value, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchException(name, "search.error.not-a-number", value);
        }
    }
}
