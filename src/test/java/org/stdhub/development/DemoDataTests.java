package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.identity.IdentityTest;

/**
 * The demo alliance (switched off in the shared test context, made here by hand): projects at the main stages, marked
 * demo on the pages, made once.
 */
@IdentityTest
class DemoDataTests {

    @Autowired
    DemoData demo;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theDemoAllianceHasProjectsAtTheMainStagesMarkedDemoAndIsMadeOnce() {
        demo.create();
        assertThat(demo.create()).isFalse();
        AllianceView alliance = alliances.all().stream()
                .filter(a -> a.groupCode().equals(DemoData.CODE))
                .findFirst()
                .orElseThrow();
        assertThat(alliance.demo()).isTrue();
        assertThat(projects.ofAlliance(alliance.id()))
                .allMatch(ProjectView::demo)
                .extracting(ProjectView::stage)
                .containsExactly("00.00", "10.00", "20.20", "30.20", "40.00");
        long inComment = projects.ofAlliance(alliance.id()).get(3).id();
        assertThat(projects.timeline(inComment).getLast().actor()).isEqualTo(DemoData.ACTOR);
        assertThat(mvc.get().uri("/alliances/{id}", alliance.id()))
                .hasStatusOk()
                .bodyText()
                .contains("演示", "T/DEMO", "30.20");
        assertThat(mvc.get().uri("/projects/{id}", inComment))
                .hasStatusOk()
                .bodyText()
                .contains("演示数据");
        assertThat(mvc.get().uri("/notices")).hasStatusOk().bodyText().contains("热管理系统", "演示");
    }
}
