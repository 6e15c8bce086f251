/**
 * Internal to the catalog module: reading designations ({@link
 * org.stdhub.catalog.designation.DesignationParser} and its grammars, the code tables) and rendering them
 * (canonical form, compact keys). Other modules use {@link org.stdhub.catalog.Designation}.
 */
package org.stdhub.catalog.designation;
