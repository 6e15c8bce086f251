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

    /** An ICS or CCS class or its beginning, as a search asks for it (25, 25.040, 25.040.3, J, J28). */
    static final Pattern FIELD_PREFIX = Pattern.compile("\\d{1,2}(\\.\\d{0,3}(\\.\\d{0,2})?)?|[A-Z]\\d{0,2}");

    /**
     * A standard's designation: a prefix (GB, GB/T, GB/Z, T/CAS, DB11/T, ISO, ISO/IEC, IEC …), a number with optional
     * parts, an optional year after "-" or ":" (GB/T 1.1-2020, ISO/IEC 27001:2022, T/CAS 115-2005).
     */
    static final Pattern DESIGNATION =
            Pattern.compile("[A-Z]{1,8}(\\d{2,6})?(/[A-Z]{1,8})*\\s?\\d{1,6}(\\.\\d{1,4})*([-:—]\\d{4})?");

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
        errors.throwIfAny();
        return new Expert.Profile(
                ics, ccs, keywords, f.title(), Boolean.TRUE.equals(f.equivalentLevel()), f.yearsInField(), region);
    }

    /** Stripped text, null when empty. */
    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** A designation normalized (upper case, one space before the number, ASCII dash), null when not one. */
    static String designation(String raw) {
        String t = text(raw);
        if (t == null || t.length() > 100) {
            return null;
        }
        String d = t.toUpperCase(Locale.ROOT)
                .replace('／', '/')
                .replace('—', '-')
                .replace('－', '-')
                .replace('：', ':')
                .replaceAll("\\s+", " ")
                .replaceAll("\\s*/\\s*", "/")
                .replaceAll("\\s*([-:])\\s*", "$1");
        if (!DESIGNATION.matcher(d).matches()) {
            return null;
        }
        return d.replaceFirst("^([A-Z0-9/]*[A-Z])(\\d)", "$1 $2");
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
