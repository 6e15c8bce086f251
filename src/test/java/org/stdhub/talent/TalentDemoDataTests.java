package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stdhub.identity.IdentityTest;
import org.stdhub.platform.SystemActor;

/** The demo data: 200 marked experts, a finished draw that verifies, a course with an exam, loaded once. */
@IdentityTest
class TalentDemoDataTests {

    @Autowired
    TalentDemoData demo;

    @Autowired
    Draws draws;

    @Autowired
    Experts experts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demoExpertsAndAFinishedVerifiedDrawAreLoadedOnceAndMarked() {
        assertThat(demo.load()).isTrue();
        assertThat(demo.load()).isFalse();
        long marked = jdbc.queryForObject(
                "select count(*) from expert where name like ?", Long.class, TalentDemoData.MARK + "%");
        assertThat(marked).isEqualTo(TalentDemoData.EXPERTS);
        List<Long> decided = jdbc.queryForList(
                "select id from expert_draw where subject like ? and state = 'DECIDED'",
                Long.class,
                TalentDemoData.MARK + "%");
        assertThat(decided).hasSize(1);
        DrawVerification v = draws.verification(decided.get(0), null);
        assertThat(v.verified()).isTrue();
        assertThat(v.exclusions()).isNotEmpty();
        var statuses = SystemActor.run(
                "test",
                () -> experts.search(new ExpertForms.Filter(TalentDemoData.MARK, null, null)).stream()
                        .map(ExpertView::status)
                        .distinct()
                        .toList());
        assertThat(statuses).contains(ExpertStatus.ACTIVE, ExpertStatus.APPLICANT, ExpertStatus.IN_REVIEW);
        // training: a marked course with a session, and the session's exam over a small bank
        assertThat(jdbc.queryForObject(
                        "select count(*) from course_session s join course c on c.id = s.course_id where c.title_zh like ?",
                        Long.class,
                        TalentDemoData.MARK + "%"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from exam where title like ?", Long.class, TalentDemoData.MARK + "%"))
                .isEqualTo(1);
    }
}
