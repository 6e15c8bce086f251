package org.stdhub.programme;

import java.time.LocalDate;

/**
 * A research output of the strategy research center was published (a report, a policy brief …). The research module
 * publishes it (research depends on programme, so the event is programme's: programme cannot depend on research) and
 * programme counts it as a research output of the research center, once per {@code reportId}.
 */
public record ResearchOutputPublished(long reportId, String title, LocalDate publishedOn) {}
