package org.stdhub.talent;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The talent module's configuration ({@code stdhub.talent.*}).
 *
 * @param minYearsInField years in the field an expert needs to be approved (招标投标法 第三十七条: eight)
 * @param minMembers the smallest panel a draw may ask for (odd; 招标投标法: five or more)
 * @param minMembersByPurpose the smallest panel for one purpose, where it differs from {@code minMembers} (odd), e.g.
 *     {@code stdhub.talent.min-members-by-purpose.FUNDING_DECISION=7}
 * @param relationYears how far back a relation with a party makes an expert avoid a draw (政府采购法实施条例 第九条)
 */
@ConfigurationProperties("stdhub.talent")
public record TalentProperties(
        @DefaultValue("8") int minYearsInField,
        @DefaultValue("5") int minMembers,
        Map<DrawPurpose, Integer> minMembersByPurpose,
        @DefaultValue("3") int relationYears) {

    public TalentProperties {
        odd("stdhub.talent.min-members", minMembers);
        if (minMembersByPurpose == null) {
            minMembersByPurpose = Map.of();
        }
        minMembersByPurpose.forEach((purpose, min) -> odd("stdhub.talent.min-members-by-purpose." + purpose, min));
        minMembersByPurpose = Map.copyOf(minMembersByPurpose);
    }

    /** The smallest panel a draw for {@code purpose} may ask for: its own minimum, else the general one. */
    public int minMembers(DrawPurpose purpose) {
        return purpose == null ? minMembers : minMembersByPurpose.getOrDefault(purpose, minMembers);
    }

    /** A panel's minimum is a positive odd number (a panel is always odd), or the application does not start. */
    private static void odd(String property, Integer min) {
        if (min == null || min < 1 || min % 2 == 0) {
            throw new IllegalArgumentException(property + " must be a positive odd number, not " + min);
        }
    }
}
