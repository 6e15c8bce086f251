package org.stdhub.research.site;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Notices;
import org.stdhub.programme.BulletinView;
import org.stdhub.programme.Bulletins;
import org.stdhub.talent.CourseView;
import org.stdhub.talent.Courses;
import org.stdhub.verification.LabView;
import org.stdhub.verification.Labs;

/**
 * The latest of each thing the base shows the public — alliances, labs, bulletins, open public comment notices,
 * published group standards and courses — gathered through each module's public API (never its tables), for the
 * landing page and the page about the base. A module that fails gives an empty list, not a failed page.
 */
@Component
public class LatestOfEach {

    /** How many of each the public site shows. */
    public static final int SHOWN = 5;

    private static final Logger log = LoggerFactory.getLogger(LatestOfEach.class);

    private final Alliances alliances;
    private final Labs labs;
    private final Bulletins bulletins;
    private final Notices notices;
    private final CatalogService catalog;
    private final Courses courses;

    LatestOfEach(
            Alliances alliances,
            Labs labs,
            Bulletins bulletins,
            Notices notices,
            CatalogService catalog,
            Courses courses) {
        this.alliances = alliances;
        this.labs = labs;
        this.bulletins = bulletins;
        this.notices = notices;
        this.catalog = catalog;
        this.courses = courses;
    }

    /** The latest of each, newest first. */
    public record Latest(
            List<AllianceView> alliances,
            List<LabView> labs,
            List<BulletinView> bulletins,
            List<Notices.Notice> notices,
            List<StandardSearchResult.Hit> groupStandards,
            List<CourseView> courses) {}

    public Latest gather() {
        return new Latest(
                safely("alliances", () -> alliances.latest(SHOWN)),
                safely("labs", () -> labs.latest(SHOWN)),
                safely("bulletins", () -> bulletins.latestPublished(SHOWN)),
                safely("notices", () -> notices.open().stream().limit(SHOWN).toList()),
                safely("group standards", this::groupStandards),
                safely("courses", () -> courses.latest(SHOWN)));
    }

    /** The group standards the catalog holds, the most recently published first. */
    private List<StandardSearchResult.Hit> groupStandards() {
        StandardSearchQuery q = new StandardSearchQuery(
                "",
                List.of("current"),
                null,
                List.of(StandardKind.GROUP.code()),
                null,
                null,
                null,
                null,
                StandardSearchQuery.Sort.DATE,
                0,
                SHOWN);
        return catalog.search(q).items();
    }

    private static <T> List<T> safely(String what, Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            log.warn("public site: the latest {} could not be read: {}", what, e.toString());
            return List.of();
        }
    }
}
