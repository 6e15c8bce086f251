/**
 * Research: the strategy research center's analytics over the other modules. Read models only, refreshed from the
 * other modules' events and APIs (never from their tables, never by scanning on a request): the catalog's figures
 * (standards per body, kind, status, field and year, ageing, overdue reviews, adoption of international standards
 * per field), the group-standard pipeline and cycle times, and the standards landscape of a technology field. The
 * root package is the module's API ({@link org.stdhub.research.Analytics}); {@code analytics} holds the read models,
 * {@code web} the pages, exports and JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Research",
        allowedDependencies = {
            "platform",
            "identity",
            "catalog",
            "development",
            "verification",
            "talent",
            "consulting",
            "programme"
        })
package org.stdhub.research;
