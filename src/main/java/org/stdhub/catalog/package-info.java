/**
 * Catalog: standards, their designations (the identifier engine), status, dates, replacement and adoption
 * relations, ICS/CCS, imports and the search index. The root package is the module's API; {@code importing},
 * {@code search} and {@code web} are internal. Depends on {@code platform} only: other modules use the catalog,
 * never the other way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = "platform")
package org.stdhub.catalog;
