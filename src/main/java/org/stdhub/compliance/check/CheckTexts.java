package org.stdhub.compliance.check;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckLine.Ref;
import org.stdhub.compliance.Verdict;

/** The words of a check in a person's language, for exports: verdicts, statuses, dates. */
@Component("checkTexts")
public class CheckTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final MessageSource messages;
    private final Clock clock;

    CheckTexts(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The verdict's name: "现行", "Withdrawn, replaced". */
    public String verdictName(Verdict verdict, Locale locale) {
        return message("compliance.verdict." + verdict.code(), locale);
    }

    /** The verdict in a sentence: "已废止 → 被 ISO 1:2022 代替", "Upcoming (in force from 2029-08-01)". */
    public String verdict(CheckLine line, Locale locale) {
        return switch (line.verdict()) {
            case UPCOMING ->
                message("compliance.verdict.upcoming.detail", locale, implementation(line.standard(), locale));
            case EDITION_OUTDATED ->
                message("compliance.verdict.edition-outdated.detail", locale, designations(line.currentReplacement()));
            case WITHDRAWN_REPLACED ->
                message(
                        "compliance.verdict.withdrawn-replaced.detail",
                        locale,
                        designations(line.currentReplacement()));
            case UNREADABLE -> message("compliance.verdict.unreadable.detail", locale, line.reason());
            default -> verdictName(line.verdict(), locale);
        };
    }

    /** When an upcoming standard comes into force: its date, or what the source says, or "date not given". */
    public String implementation(Ref standard, Locale locale) {
        if (standard != null && standard.implemented() != null) {
            return standard.implemented();
        }
        if (standard != null && standard.implementedNote() != null) {
            return standard.implementedNote();
        }
        return message("compliance.implemented.unknown", locale);
    }

    public String status(String status, Locale locale) {
        return message("status." + (status == null ? "unknown" : status), locale);
    }

    public static String designations(List<Ref> refs) {
        return refs.stream().map(Ref::designation).collect(Collectors.joining(", "));
    }

    /** Designations joined by commas (for templates). */
    public String joined(List<Ref> refs) {
        return designations(refs);
    }

    /** A moment in the platform's time zone, or "—". */
    public String time(Instant instant) {
        return instant == null
                ? "—"
                : ZonedDateTime.ofInstant(instant, clock.getZone()).format(TIME);
    }

    /** A moment as part of a file name: 20250101-1230. */
    public String stamp(Instant instant) {
        return ZonedDateTime.ofInstant(instant, clock.getZone()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
    }

    public static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
