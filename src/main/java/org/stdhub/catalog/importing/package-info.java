/**
 * Catalog import: JSON Lines of standards into the database and the search index. Exposed as the named
 * interface {@code importing} ({@link org.stdhub.catalog.importing.StandardImporter}) for operator tooling
 * such as the {@code bench} module.
 */
@org.springframework.modulith.NamedInterface("importing")
package org.stdhub.catalog.importing;
