package org.stdhub.catalog;

import java.util.List;
import java.util.Map;

/**
 * What another module adds to a standard's page without the catalog knowing it: Thymeleaf fragments rendered
 * in the page's actions slot, beside the designation (compliance's "关注 / Follow" button is one). Any number of
 * beans may implement it; the catalog renders what each contributes, in bean order.
 */
public interface StandardPageExtension {

    /** The fragments to render among the actions of {@code standard}'s page; empty for none. */
    List<Fragment> actions(StandardDetail standard);

    /**
     * A fragment of another module's template, rendered with {@code model} as the variable {@code extension}.
     *
     * @param template the template's name, as a controller would return it (e.g. {@code "watch/follow"})
     * @param name the fragment's name in that template
     * @param model what the fragment needs to render
     */
    record Fragment(String template, String name, Map<String, Object> model) {
        public Fragment {
            model = Map.copyOf(model);
        }
    }
}
