package org.stdhub.compliance;

/** One line to check: its number in the list or file (1-based) and the text as given. */
public record CheckEntry(int line, String text) {}
