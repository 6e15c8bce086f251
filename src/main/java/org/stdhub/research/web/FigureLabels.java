package org.stdhub.research.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.Classifications;
import org.stdhub.research.Analytics;
import org.stdhub.research.analytics.CatalogFigures;

/** The words for a figure's row keys in the reader's language: kinds, statuses, ICS fields, CCS categories, ages. */
@Component
class FigureLabels {

    private final MessageSource messages;

    FigureLabels(MessageSource messages) {
        this.messages = messages;
    }

    String title(String figure, Locale locale) {
        return messages.getMessage("research.figure." + figure, null, locale);
    }

    String label(String figure, String key, Locale locale) {
        return switch (figure) {
            case CatalogFigures.KIND, Analytics.REVIEW_OVERDUE ->
                messages.getMessage("standard.kind." + key, null, key, locale);
            case CatalogFigures.STATUS -> messages.getMessage("status." + key, null, key, locale);
            case CatalogFigures.ICS, CatalogFigures.ADOPTION ->
                key + " "
                        + Classifications.get()
                                .ics(key)
                                .map(c -> c.title(locale))
                                .orElse("");
            case CatalogFigures.CCS ->
                key + " "
                        + Classifications.get()
                                .ccs(key)
                                .map(c -> c.title(locale))
                                .orElse("");
            case Analytics.AGE -> messages.getMessage("research.age." + key, null, key, locale);
            default -> key;
        };
    }

    /** Column headings: the row's key, its count, and for two-count figures the second count and the share. */
    String[] columns(String figure, Locale locale) {
        String base = "research.column." + figure;
        return new String[] {
            messages.getMessage(base + ".key", null, messages.getMessage("research.column.key", null, locale), locale),
            messages.getMessage(
                    base + ".value", null, messages.getMessage("research.column.value", null, locale), locale),
            messages.getMessage(base + ".extra", null, "", locale),
            messages.getMessage("research.column.percent", null, locale)
        };
    }
}
