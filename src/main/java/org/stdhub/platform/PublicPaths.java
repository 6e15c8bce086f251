package org.stdhub.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The addresses a module serves to anyone, signed in or not, declared by the module that serves them (a bean of
 * this type in its {@code web} package); identity's security configuration permits the union of all modules'
 * declarations and requires a signed-in person everywhere else. Ant-style patterns as Spring Security matches
 * them. Being public only opens the door: each service still decides what an anonymous caller may read (drafts,
 * sealed results and unpublished records stay hidden) and refuses anonymous changes.
 *
 * @param pages pages, forms' GET views and feeds anyone may open
 * @param api API addresses anyone may call (an API token is checked by its scope there too)
 * @param readingPosts API addresses called by POST that only read and store nothing: a token with the {@code read}
 *     scope may call them, and they need no CSRF token (a forged request can change nothing)
 */
public record PublicPaths(List<String> pages, List<String> api, List<String> readingPosts) {

    public PublicPaths {
        pages = List.copyOf(pages);
        api = List.copyOf(api);
        readingPosts = List.copyOf(readingPosts);
        if (!api.containsAll(readingPosts)) {
            throw new IllegalArgumentException("a reading POST must be a public API address: " + readingPosts);
        }
        for (String path : api) {
            if (!path.startsWith("/api/") && !path.startsWith("/swagger-ui/") && !path.startsWith("/v3/")) {
                throw new IllegalArgumentException("not an API address: " + path);
            }
        }
        for (String path : pages) {
            if (path.startsWith("/api/")) {
                throw new IllegalArgumentException("an API address among the pages: " + path);
            }
        }
    }

    /** Public pages and API addresses, no reading POSTs. */
    public static PublicPaths of(List<String> pages, List<String> api) {
        return new PublicPaths(pages, api, List.of());
    }

    /** All the modules' declarations as one. */
    public static PublicPaths union(Collection<PublicPaths> declarations) {
        List<String> pages = new ArrayList<>();
        List<String> api = new ArrayList<>();
        List<String> readingPosts = new ArrayList<>();
        for (PublicPaths d : declarations) {
            pages.addAll(d.pages());
            api.addAll(d.api());
            readingPosts.addAll(d.readingPosts());
        }
        return new PublicPaths(
                pages.stream().distinct().toList(),
                api.stream().distinct().toList(),
                readingPosts.stream().distinct().toList());
    }
}
