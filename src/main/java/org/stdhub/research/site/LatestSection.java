package org.stdhub.research.site;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.HomePageSection;

/** The landing page's "latest of each" section, below the catalog's search and facets. */
@Component
class LatestSection implements HomePageSection {

    private final LatestOfEach latest;

    LatestSection(LatestOfEach latest) {
        this.latest = latest;
    }

    @Override
    public Fragment render(Locale locale) {
        return new Fragment("research/latest", "latest", Map.of("latest", latest.gather()));
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
