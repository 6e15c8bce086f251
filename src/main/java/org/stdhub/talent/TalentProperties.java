package org.stdhub.talent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The talent module's configuration ({@code stdhub.talent.*}).
 *
 * @param minYearsInField years in the field an expert needs to be approved (招标投标法 第三十七条: eight)
 * @param minMembers the smallest panel a draw may ask for (odd; 招标投标法: five or more)
 * @param relationYears how far back a relation with a party makes an expert avoid a draw (政府采购法实施条例 第九条)
 */
@ConfigurationProperties("stdhub.talent")
public record TalentProperties(
        @DefaultValue("8") int minYearsInField,
        @DefaultValue("5") int minMembers,
        @DefaultValue("3") int relationYears) {}
