package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stdhub.compliance.watch.WatchFixtures.importLines;
import static org.stdhub.compliance.watch.WatchFixtures.record;
import static org.stdhub.compliance.watch.WatchFixtures.std;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Principals;

/** Adoption drift on the real catalog, and on an adoption imported by the test, with the alert to its watchers. */
@CatalogTest
class AdoptionDriftTests {

    @Autowired
    AdoptionDrift drift;

    @Autowired
    StandardImporter importer;

    @Autowired
    Watchlists watchlists;

    @Autowired
    AlertStore store;

    @Autowired
    AlertTexts texts;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @AfterEach
    void signOut() {
        WatchFixtures.signOut();
    }

    @Test
    void theShippedCatalogHasTwoAdoptionsBehindTheirInternationalStandard() {
        List<AdoptionDrift.Gap> gaps = drift.all(AdoptionDrift.Filter.none()).stream()
                // the shipped adoptions are all GB or YY; tests import other standards into the same catalog
                .filter(g -> g.chineseDesignation().matches("^(GB|YY)[ /].*"))
                .toList();
        assertThat(gaps)
                .extracting(
                        AdoptionDrift.Gap::chineseDesignation,
                        AdoptionDrift.Gap::degree,
                        AdoptionDrift.Gap::adoptedDesignation,
                        AdoptionDrift.Gap::currentDesignation,
                        AdoptionDrift.Gap::yearsBehind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "GB 18280.1-2015", "MOD", "ISO 11137-1:2006", "ISO 11137-1:2025", 19),
                        org.assertj.core.groups.Tuple.tuple(
                                "GB/T 19973.2-2017", "MOD", "ISO 11737-2:2009", "ISO 11737-2:2019", 10));
        // up to date: GB/T 42061-2022 IDT ISO 13485:2016; amendments and IEC "SER" collections are no new edition
        assertThat(drift.all(AdoptionDrift.Filter.none()))
                .extracting(AdoptionDrift.Gap::chineseDesignation)
                .doesNotContain("GB/T 42061-2022", "GB 9706.1-2020", "GB/T 16886.1-2022");

        assertThat(drift.all(new AdoptionDrift.Filter(null, null, "IDT", null)))
                .extracting(AdoptionDrift.Gap::chineseDesignation)
                .doesNotContain("GB 18280.1-2015", "GB/T 19973.2-2017");
        assertThat(drift.all(new AdoptionDrift.Filter(null, null, "MOD", 15)))
                .extracting(AdoptionDrift.Gap::chineseDesignation)
                .contains("GB 18280.1-2015")
                .doesNotContain("GB/T 19973.2-2017");
        AdoptionDrift.Page first = drift.find(new AdoptionDrift.Filter(null, null, "MOD", null), 0, 1);
        assertThat(first.gaps()).hasSize(1);
        assertThat(first.total()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anImportedAdoptionOfAWithdrawnEditionIsTwentyYearsBehindAndItsWatchersAreTold() {
        String chinese = std(20, 2010);
        String committee = "SAC/TC WDRIFT" + WatchFixtures.SERIES;
        String owner = WatchFixtures.person(accounts, "wd");
        WatchFixtures.signIn(principals, owner);
        long list = watchlists
                .create(new Watchlists.NewWatchlist("采标跟踪", null, Digest.NONE, List.of(chinese)))
                .id();
        WatchFixtures.signOut();

        // ISO 1:2002 was withdrawn; ISO 1:2022 is current
        importLines(
                importer,
                "watch-drift.jsonl",
                record(
                        chinese,
                        "current",
                        "\"tc\":\"" + committee
                                + "\",\"ics\":[\"17.040.01\"],\"adoption\":[{\"designation\":\"ISO 1:2002\",\"degree\":\"IDT\"}]"));

        List<AdoptionDrift.Gap> gaps = drift.all(new AdoptionDrift.Filter(committee, "17.040", "IDT", 20));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.chineseDesignation()).isEqualTo(chinese);
            assertThat(g.adoptedDesignation()).isEqualTo("ISO 1:2002");
            assertThat(g.adoptedStatus()).isEqualTo("withdrawn");
            assertThat(g.currentDesignation()).isEqualTo("ISO 1:2022");
            assertThat(g.yearsBehind()).isEqualTo(20);
            assertThat(g.ics()).containsExactly("17.040.01");
        });
        assertThat(drift.all(new AdoptionDrift.Filter(committee, null, null, 21)))
                .isEmpty();
        assertThat(drift.all(new AdoptionDrift.Filter(committee, "11", null, null)))
                .isEmpty();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !store.ofList(list, 10).isEmpty());
        Alert alert = store.ofList(list, 10).getFirst();
        assertThat(alert.kind()).isEqualTo(AlertKind.ADOPTION_DRIFT);
        assertThat(alert.standardDesignation()).isEqualTo(chinese);
        assertThat(alert.relatedDesignation()).isEqualTo("ISO 1:2022");
        assertThat(texts.text(alert, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(chinese + " 采用的 ISO 1:2002 已有新版本 ISO 1:2022，落后 20 年");
        assertThat(texts.text(alert, Locale.ENGLISH))
                .isEqualTo(chinese + " adopts ISO 1:2002, now superseded by ISO 1:2022 (20 years behind)");
    }
}
