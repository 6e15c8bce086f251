package org.stdhub.catalog;

import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;

/**
 * A section another module adds to the landing page ({@code /}) without the catalog knowing it: a Thymeleaf fragment
 * rendered below the search, with {@code model} as the variable {@code section}. Any number of beans may implement
 * it; the catalog renders them by {@link #getOrder()} (lowest first), and a section that fails to gather its model is
 * left out rather than failing the page.
 */
public interface HomePageSection extends Ordered {

    /** The fragment to render for a reader of {@code locale}; its model is what the fragment needs. */
    Fragment render(Locale locale);

    @Override
    default int getOrder() {
        return 0;
    }

    /**
     * A fragment of another module's template.
     *
     * @param template the template's name, as a controller would return it (e.g. {@code "research/home"})
     * @param name the fragment's name in that template
     * @param model what the fragment needs to render
     */
    record Fragment(String template, String name, Map<String, Object> model) {
        public Fragment {
            model = Map.copyOf(model);
        }
    }
}
