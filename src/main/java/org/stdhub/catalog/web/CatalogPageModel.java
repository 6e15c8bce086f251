package org.stdhub.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stdhub.platform.PageModel;

/** Gives every page the link builder for standards (templates may not call beans in URL attributes). */
@Component
class CatalogPageModel implements PageModel {

    private final Map<String, Object> attributes;

    CatalogPageModel(StandardLinks links) {
        this.attributes = Map.of("standardLinks", links);
    }

    @Override
    public Map<String, Object> attributes(HttpServletRequest request) {
        return attributes;
    }
}
