package org.stdhub.compliance.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.StandardStatus;

/** Alerts in words, in the reader's language (pages, feed, e-mail). */
@Component
public class AlertTexts {

    private final MessageSource messages;

    AlertTexts(MessageSource messages) {
        this.messages = messages;
    }

    public List<Alert> render(List<Alert> alerts, Locale locale) {
        List<Alert> out = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            out.add(a.withText(text(a, locale)));
        }
        return out;
    }

    /** The message of one alert. */
    public String text(Alert a, Locale locale) {
        List<String> args = a.args();
        String key = "alert.text." + a.kind().name();
        Object[] params = {a.standardDesignation(), a.relatedDesignation(), arg(args, 0), arg(args, 1)};
        switch (a.kind()) {
            case STATUS_CHANGED -> {
                params[2] = status(arg(args, 0), locale);
                params[3] = status(arg(args, 1), locale);
            }
            case WITHDRAWN -> {
                if (a.relatedDesignation() != null) {
                    // an upcoming replacement is called upcoming, with its date in force when the catalog has it
                    if (StandardStatus.UPCOMING.is(arg(args, 0))) {
                        String date = arg(args, 1);
                        key += date == null || date.isEmpty() ? ".replaced-upcoming-undated" : ".replaced-upcoming";
                    } else if (StandardStatus.WITHDRAWN.is(arg(args, 0))) {
                        key += ".replaced-withdrawn";
                    } else {
                        key += ".replaced";
                    }
                }
            }
            case NEW_IN_CLASS -> {
                String kind = arg(args, 0);
                params[2] = kind == null ? "" : messages.getMessage("watch.item.kind." + kind, null, kind, locale);
            }
            case ADOPTION_DRIFT -> {
                if (a.relatedDesignation() == null) {
                    key += ".withdrawn";
                } else if (arg(args, 1) == null || arg(args, 1).isEmpty()) {
                    key += ".no-years";
                }
            }
            default -> {}
        }
        return messages.getMessage(key, params, key, locale);
    }

    /** The short name of a kind of alert. */
    public String kind(AlertKind kind, Locale locale) {
        return messages.getMessage(kind.messageKey(), null, kind.name(), locale);
    }

    private String status(String status, Locale locale) {
        String key = "status." + (status == null || status.isEmpty() ? "unknown" : status);
        return messages.getMessage(key, null, status == null ? "—" : status, locale);
    }

    private static String arg(List<String> args, int i) {
        return args.size() > i ? args.get(i) : null;
    }
}
