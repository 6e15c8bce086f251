package org.stdhub.consulting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.CatalogTest;

/**
 * The demo records (switched off in the shared test context, made here by hand): two declarations of one class, the
 * one declaring a withdrawn standard flagged, the front-runner comparison of their indicators, FAQ entries; marked
 * demo on the pages, made once.
 */
@CatalogTest
class ConsultingDemoDataTests {

    @Autowired
    ConsultingDemoData demo;

    @Autowired
    Declarations declarations;

    @Autowired
    FrontRunners frontRunners;

    @Autowired
    Faq faq;

    @Autowired
    MockMvcTester mvc;

    @Test
    void twoDemoDeclarationsOneFlaggedAComparisonAndFaqEntriesMadeOnce() {
        demo.create();
        assertThat(demo.create()).isFalse();
        var listed = declarations.search(null, ConsultingDemoData.PRODUCT_CLASS, null).stream()
                .filter(DeclarationView.Summary::demo)
                .toList();
        assertThat(listed).hasSize(2);
        assertThat(listed)
                .filteredOn(DeclarationView.Summary::flagged)
                .singleElement()
                .satisfies(s -> assertThat(s.standards()).contains(ConsultingDemoData.WITHDRAWN));
        assertThat(frontRunners.compare(ConsultingDemoData.PRODUCT_CLASS))
                .filteredOn(r -> r.indicator().equals("热水输出率"))
                .singleElement()
                .satisfies(r -> assertThat(r.entries())
                        .extracting(FrontRunners.Entry::rank)
                        .containsExactly(1, 1));
        assertThat(faq.search(null)).filteredOn(FaqEntry::demo).hasSize(2);
        assertThat(mvc.get().uri("/declarations")).hasStatusOk().bodyText().contains("演示数据", "标准已废止或被替代");
        long flagged = listed.stream()
                .filter(DeclarationView.Summary::flagged)
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(mvc.get().uri("/declarations/{id}", flagged))
                .hasStatusOk()
                .bodyText()
                .contains("演示数据", ConsultingDemoData.WITHDRAWN, ConsultingDemoData.CURRENT);
        assertThat(mvc.get().uri("/declarations/front-runners?productClass=" + ConsultingDemoData.PRODUCT_CLASS))
                .hasStatusOk()
                .bodyText()
                .contains("领跑者", "并列");
        assertThat(mvc.get().uri("/faq")).hasStatusOk().bodyText().contains("演示数据");
    }
}
