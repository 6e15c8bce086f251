package org.stdhub.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the link builder for standards (templates may not call beans in URL attributes). */
@ControllerAdvice(annotations = Controller.class)
class CatalogModelAdvice {

    private final StandardLinks links;

    CatalogModelAdvice(StandardLinks links) {
        this.links = links;
    }

    @ModelAttribute("standardLinks")
    StandardLinks standardLinks() {
        return links;
    }
}
