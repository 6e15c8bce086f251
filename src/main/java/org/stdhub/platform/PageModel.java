package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Values a module puts into the model of every page rendered with a view (the layout's language switch, link
 * helpers, the header's alert badge). Asked only when a page is rendered: JSON answers, files and redirects never
 * compute them (as {@code @ModelAttribute} methods of a controller advice would, on every request). A value the
 * controller put into the model itself is kept.
 */
public interface PageModel {

    /** The values this module adds to the page's model; may be empty, may hold {@code null} values (not added). */
    Map<String, Object> attributes(HttpServletRequest request);
}
