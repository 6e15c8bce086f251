package org.stdhub.talent;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.talent.expert.Expert;

/** Checks and normalizes what a person writes into an expert profile. */
final class ProfileRules {

    static final Pattern ICS = Pattern.compile("\\d{2}(\\.\\d{3}(\\.\\d{2})?)?");
    static final Pattern CCS = Pattern.compile("[A-Z](\\d{2})?");
    static final int MAX_TEXT = 1000;

    private ProfileRules() {}

    static Expert.Profile check(ExpertForms.ProfileForm f) {
        var errors = new InvalidInputException.Collector();
        String ics = codes(f.icsCodes(), ICS, "icsCodes", errors);
        String ccs = codes(f.ccsCodes(), CCS, "ccsCodes", errors);
        errors.check(!ics.isEmpty() || !ccs.isEmpty(), "icsCodes", "talent.error.fields-required");
        String keywords = f.keywords() == null ? "" : f.keywords().strip();
        errors.check(keywords.length() <= MAX_TEXT, "keywords", "talent.error.too-long");
        errors.check(f.title() != null, "title", "talent.error.title-required");
        errors.check(
                f.yearsInField() != null && f.yearsInField() >= 0 && f.yearsInField() <= 80,
                "yearsInField",
                "talent.error.years");
        String region =
                f.region() == null || f.region().isBlank() ? null : f.region().strip();
        errors.check(region == null || region.length() <= 100, "region", "talent.error.too-long");
        errors.check(
                f.unavailableTo() == null
                        || (f.unavailableFrom() != null && !f.unavailableTo().isBefore(f.unavailableFrom())),
                "unavailableTo",
                "talent.error.dates");
        errors.throwIfAny();
        return new Expert.Profile(
                ics,
                ccs,
                keywords,
                f.title(),
                Boolean.TRUE.equals(f.equivalentLevel()),
                f.yearsInField(),
                region,
                f.unavailableFrom(),
                f.unavailableTo());
    }

    /** Space-separated, each checked, duplicates dropped; "" when none. */
    static String codes(String raw, Pattern pattern, String field, InvalidInputException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String c : raw.toUpperCase(Locale.ROOT).split("[\\s,，;；、]+")) {
            if (c.isEmpty()) {
                continue;
            }
            if (!pattern.matcher(c).matches()) {
                errors.add(field, "talent.error.bad-code");
                return "";
            }
            codes.add(c);
        }
        String joined = String.join(" ", codes);
        errors.check(joined.length() <= MAX_TEXT, field, "talent.error.too-long");
        return joined;
    }
}
