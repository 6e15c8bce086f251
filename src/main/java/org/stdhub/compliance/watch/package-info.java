/**
 * Watchlists and alerts: what a person or an organization follows in the catalog (standards with their editions
 * and replacement chains, ICS/CCS classes, committees), the alerts raised when an import changes any of it or when
 * an adopted international standard moves on (adoption drift), and their delivery: in-app list, e-mail (immediate
 * or daily digest) and an Atom feed per list. {@code web} holds the pages, feed and API; {@code drift} the adoption
 * drift page.
 */
package org.stdhub.compliance.watch;
