package org.stdhub.consulting;

import java.util.List;

/**
 * What an enterprise declares for one product or service (a new declaration, or the next version of one).
 *
 * @param organizationId the enterprise declaring (its ENTERPRISE_USER declares); ignored on an update
 * @param product the product or service, e.g. "储水式电热水器 DSZF-60"
 * @param productClass the class compared in the front-runner comparison, e.g. "储水式电热水器"
 * @param catalogStandards designations of national, industry, local or group standards of the catalog
 * @param enterpriseStandard the enterprise's own standard ({@code Q/…}), or null
 * @param indicators functional and performance indicators the enterprise standard declares
 * @param mandatoryIndicators indicators of mandatory standards, with their test methods
 */
public record DeclarationForm(
        Long organizationId,
        String product,
        String productClass,
        String description,
        List<String> catalogStandards,
        String enterpriseStandard,
        String enterpriseStandardTitle,
        List<Indicator> indicators,
        List<MandatoryIndicator> mandatoryIndicators) {

    public DeclarationForm {
        catalogStandards = catalogStandards == null ? List.of() : catalogStandards;
        indicators = indicators == null ? List.of() : indicators;
        mandatoryIndicators = mandatoryIndicators == null ? List.of() : mandatoryIndicators;
    }

    /** A performance indicator: its value is a number, better the higher or the lower. */
    public record Indicator(String name, String value, String unit, IndicatorDirection direction) {}

    /** An indicator of a mandatory standard: the requirement met, the standard, and how it is tested. */
    public record MandatoryIndicator(String name, String requirement, String standard, String testMethod) {}
}
