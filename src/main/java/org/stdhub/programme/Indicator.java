package org.stdhub.programme;

/**
 * What the base counts. Each indicator says where its values come from: counted from another module's events
 * ({@link Source#EVENTS}), entered with evidence where the platform cannot count ({@link Source#ENTERED}), both (the
 * enterprises served: each enterprise whose enquiry the platform answered, once a year, counted from consulting's
 * events, plus service given off the platform, entered; the research outputs: the reports the research center
 * publishes, counted, plus papers and other outputs published elsewhere, entered; {@link Source#EVENTS_AND_ENTERED}), or
 * not
 * yet available because the module that will publish them is not there ({@link Source#NONE}: shown as "no source
 * yet", never a number).
 */
public enum Indicator {
    GROUP_STANDARDS_PUBLISHED(Center.INNOVATION, Source.EVENTS),
    BALLOTS_CLOSED(Center.INNOVATION, Source.EVENTS),
    EXPERT_PANELS_DRAWN(Center.TALENT, Source.EVENTS),
    PEOPLE_CERTIFIED(Center.TALENT, Source.EVENTS),
    ORGANIZATIONS_APPROVED(Center.PLATFORM, Source.EVENTS),
    VERIFICATIONS_DONE(Center.VERIFICATION, Source.EVENTS),
    CONFORMITY_REPORTS_ISSUED(Center.VERIFICATION, Source.EVENTS),
    STANDARD_EVALUATIONS_ISSUED(Center.VERIFICATION, Source.EVENTS),
    ENTERPRISES_SERVED(Center.PLATFORM, Source.EVENTS_AND_ENTERED),
    RESEARCH_OUTPUTS(Center.RESEARCH, Source.EVENTS_AND_ENTERED);

    /** Where the values come from. */
    public enum Source {
        EVENTS,
        ENTERED,
        EVENTS_AND_ENTERED,
        NONE;

        /** May values be entered with evidence? */
        public boolean entered() {
            return this == ENTERED || this == EVENTS_AND_ENTERED;
        }

        public String messageKey() {
            return "programme.source." + name();
        }
    }

    private final Center center;
    private final Source source;

    Indicator(Center center, Source source) {
        this.center = center;
        this.source = source;
    }

    /** The center whose work the counted events are. */
    public Center center() {
        return center;
    }

    public Source source() {
        return source;
    }

    public String messageKey() {
        return "programme.indicator." + name();
    }
}
