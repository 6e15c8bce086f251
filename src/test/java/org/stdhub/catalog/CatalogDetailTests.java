package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;

/** Details, replacement chains and adoptions, read from the database. */
@CatalogTest
class CatalogDetailTests {

    @Autowired
    CatalogService catalog;

    @Test
    void replacementChainIsWalkedInBothDirectionsOverSeveralHops() {
        // ISO 1:1975 → ISO 1:2002 → ISO 1:2016 → ISO 1:2022 (relations recorded on different records)
        StandardDetail middle = catalog.detail("ISO 1:2002");
        assertThat(middle.replacementChain())
                .extracting(l -> l.standard().designation())
                .containsExactly("ISO 1:1975", "ISO 1:2002", "ISO 1:2016", "ISO 1:2022");
        assertThat(middle.replacementChain())
                .filteredOn(StandardDetail.ChainLink::self)
                .extracting(l -> l.standard().designation())
                .containsExactly("ISO 1:2002");
        assertThat(middle.replaces()).extracting(StandardRef::designation).containsExactly("ISO 1:1975");
        assertThat(middle.replacedBy()).extracting(StandardRef::designation).containsExactly("ISO 1:2016");

        Standard oldest = catalog.find("ISO 1:1975").orElseThrow();
        assertThat(catalog.currentReplacements(oldest))
                .extracting(Standard::getDesignation)
                .containsExactly("ISO 1:2022");
    }

    @Test
    void adoptionsLinkBothWays() {
        StandardDetail gb = catalog.detail("GB/T 42061-2022");
        assertThat(gb.adoptions()).singleElement().satisfies(a -> {
            assertThat(a.degree()).isEqualTo("IDT");
            assertThat(a.standard().designation()).isEqualTo("ISO 13485:2016");
            assertThat(a.standard().inCatalog()).isTrue();
        });
        StandardDetail iso = catalog.detail("ISO 13485:2016");
        assertThat(iso.adoptedBy()).extracting(a -> a.standard().designation()).contains("GB/T 42061-2022");
    }

    @Test
    void chineseReplacementFromTheNmpaAnnouncementIsLinked() {
        StandardDetail next = catalog.detail("YY 0055-2026");
        assertThat(next.replaces()).extracting(StandardRef::designation).containsExactly("YY 0055-2018");
        assertThat(next.replaces().getFirst().inCatalog()).isTrue();
        assertThat(catalog.detail("YY 0055-2018").replacedBy())
                .extracting(StandardRef::designation)
                .containsExactly("YY 0055-2026");
    }

    @Test
    void sloppyDesignationFindsTheRecordAndAYearlessOneFindsTheEditionInForce() {
        assertThat(catalog.find("gb/t42061—2022"))
                .get()
                .extracting(Standard::getDesignation)
                .isEqualTo("GB/T 42061-2022");
        assertThat(catalog.find("ISO 13485"))
                .get()
                .extracting(Standard::getDesignation)
                .isEqualTo("ISO 13485:2016");
    }

    @Test
    void recordsKeepTheirSourceAndLicence() {
        StandardDetail gb = catalog.detail("GB/T 42061-2022");
        assertThat(gb.provenance().source()).contains("RASAAS/docmcp-knowledge");
        assertThat(gb.provenance().licence()).isEqualTo("CC BY 4.0");
        assertThat(gb.kind()).isEqualTo("national-recommended");
    }

    @Test
    void unknownStandardIsNotFound() {
        assertThatThrownBy(() -> catalog.detail("GB/T 99999-2099")).isInstanceOf(StandardNotFoundException.class);
    }
}
