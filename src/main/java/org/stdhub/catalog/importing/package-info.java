/** Catalog import: JSON Lines of standards into the database and the search index. */
package org.stdhub.catalog.importing;
