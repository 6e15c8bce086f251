package org.stdhub.research;

import java.util.List;

/** A report or policy brief as entered: kind, title, abstract, keywords and optionally its research project. */
public record ReportForm(
        String kind, String title, String abstractText, List<String> keywords, Long researchProjectId) {}
