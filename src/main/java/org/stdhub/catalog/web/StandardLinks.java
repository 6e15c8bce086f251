package org.stdhub.catalog.web;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** URLs of catalog pages, for templates ({@code @standardLinks.detail(designation)}). */
@Component("standardLinks")
public class StandardLinks {

    /** The detail page; the designation is one encoded path segment ({@code GB%2FT%2042061-2022}). */
    public String detail(String designation) {
        return "/standards/" + UriUtils.encodePathSegment(designation, StandardCharsets.UTF_8);
    }

    /**
     * The designation in a {@code /standards/{*designation}} path: without the leading slash, with
     * {@code %2F} decoded (Tomcat passes encoded slashes through undecoded). Designations contain no "%".
     */
    static String designationFromPath(String path) {
        String text = path.startsWith("/") ? path.substring(1) : path;
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return UriUtils.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // a "%" not followed by two hex digits (e.g. a decoded "%25"): no designation has one, so not found
            return text;
        }
    }

    /** The base office's correction form of a standard. */
    public String edit(String designation) {
        return "/admin/catalog/edit/" + UriUtils.encodePathSegment(designation, StandardCharsets.UTF_8);
    }

    public String search(String q) {
        return "/standards?q=" + UriUtils.encodeQueryParam(q, StandardCharsets.UTF_8);
    }
}
