package org.stdhub.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Classifications;
import org.stdhub.catalog.HomePageSection;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardPageExtension;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.catalog.search.TitleGroup;
import org.stdhub.platform.QueryString;

/** The catalog's pages: home, search results with facets, standard details, classification browsing. */
@Controller
class CatalogPageController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CatalogPageController.class);

    private final CatalogService catalog;
    private final List<StandardPageExtension> extensions;
    private final List<HomePageSection> sections;

    CatalogPageController(
            CatalogService catalog, List<StandardPageExtension> extensions, List<HomePageSection> sections) {
        this.catalog = catalog;
        this.extensions = extensions;
        this.sections = sections.stream()
                .sorted(java.util.Comparator.comparingInt(HomePageSection::getOrder))
                .toList();
    }

    @GetMapping("/")
    String home(Model model, java.util.Locale locale) {
        StandardSearchResult all = catalog.search(StandardSearchQuery.of("").withPage(0, 1));
        model.addAttribute("total", all.total());
        model.addAttribute("facets", all.facets());
        List<HomePageSection.Fragment> rendered = new java.util.ArrayList<>();
        for (HomePageSection s : sections) {
            try {
                rendered.add(s.render(locale));
            } catch (RuntimeException e) {
                log.warn("home page section {} left out: {}", s.getClass().getSimpleName(), e.toString());
            }
        }
        model.addAttribute("sections", rendered);
        return "catalog/home";
    }

    @GetMapping("/standards")
    String search(SearchParameters params, HttpServletRequest request, Model model) {
        StandardSearchQuery query = params.toQuery();
        StandardSearchResult result = catalog.search(query);
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("repeats", repeats(result.items()));
        model.addAttribute("links", new SearchLinks(request));
        model.addAttribute("classes", Classifications.get());
        model.addAttribute("sorts", StandardSearchQuery.Sort.values());
        return "catalog/results";
    }

    @GetMapping("/standards/{*designation}")
    String detail(@PathVariable String designation, Model model) {
        String text = StandardLinks.designationFromPath(designation);
        StandardDetail detail = catalog.detail(text);
        model.addAttribute("s", detail);
        model.addAttribute(
                "actions",
                extensions.stream().flatMap(e -> e.actions(detail).stream()).toList());
        return "catalog/detail";
    }

    @GetMapping({"/classifications/ics", "/classifications/ics/{code}"})
    String ics(@PathVariable(required = false) String code, Model model) {
        return browse("ics", code, model);
    }

    @GetMapping({"/classifications/ccs", "/classifications/ccs/{*code}"})
    String ccs(@PathVariable(required = false) String code, Model model) {
        if (code != null && code.startsWith("/")) {
            code = code.length() == 1 ? null : code.substring(1);
        }
        return browse("ccs", code, model);
    }

    private String browse(String scheme, String code, Model model) {
        Classifications classes = Classifications.get();
        boolean ics = scheme.equals("ics");
        if (code != null && (ics ? classes.ics(code) : classes.ccs(code)).isEmpty()) {
            throw new org.stdhub.platform.NotFoundException("classification.error.not-found", code);
        }
        StandardSearchQuery query = new StandardSearchQuery(
                "", null, null, null, ics ? code : null, ics ? null : code, null, null, null, 0, 1);
        StandardSearchResult counts = catalog.search(query);
        Map<String, Long> count = new LinkedHashMap<>();
        (ics ? counts.facets().ics() : counts.facets().ccs()).forEach(b -> count.put(b.value(), b.count()));
        List<Classifications.ClassificationClass> children =
                ics ? classes.icsChildren(code) : classes.ccsChildren(code);
        List<Classifications.ClassificationClass> path = new java.util.ArrayList<>();
        if (code != null) {
            for (String ancestor : ics ? Classifications.icsAncestry(code) : Classifications.ccsAncestry(code)) {
                (ics ? classes.ics(ancestor) : classes.ccs(ancestor)).ifPresent(path::add);
            }
        }
        model.addAttribute("scheme", scheme);
        model.addAttribute("code", code);
        model.addAttribute("path", path);
        model.addAttribute("children", children);
        model.addAttribute(
                "hasChildren",
                children.stream()
                        .map(Classifications.ClassificationClass::code)
                        .filter(c -> !(ics ? classes.icsChildren(c) : classes.ccsChildren(c)).isEmpty())
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("counts", count);
        model.addAttribute("total", counts.total());
        return "catalog/classification";
    }

    /**
     * Per hit of the page, whether a hit above it on the page is of the same document (its title group: another
     * edition, an amendment or a corrigendum), for a quiet mark on the repeat.
     */
    static List<Boolean> repeats(List<StandardSearchResult.Hit> hits) {
        java.util.Set<Long> shown = new java.util.HashSet<>();
        return hits.stream()
                .map(h -> {
                    long group = TitleGroup.of(h.titleZh(), h.titleEn());
                    return group != TitleGroup.NONE && !shown.add(group);
                })
                .toList();
    }

    /** Builds links that change one parameter of the current search and keep the others. */
    static final class SearchLinks {
        private final HttpServletRequest request;

        SearchLinks(HttpServletRequest request) {
            this.request = request;
        }

        private QueryString current() {
            return QueryString.parse(request.getQueryString());
        }

        /** The current search with {@code name} set to {@code value} (removed when value is null), page reset. */
        public String with(String name, Object value) {
            return current().without("page").with(name, value).on("/standards");
        }

        public String page(int page) {
            return current().with("page", page).on("/standards");
        }

        public String export(String format) {
            return current().without("page", "size").with("format", format).on("/api/v1/standards/export");
        }
    }
}
