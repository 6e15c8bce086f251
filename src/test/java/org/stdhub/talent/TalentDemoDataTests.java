package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Principals;
import org.stdhub.identity.StdHubUser;
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
    Exams exams;

    @Autowired
    QuestionBanks questionBanks;

    @Autowired
    ExamAttempts attempts;

    @Autowired
    Courses courses;

    @Autowired
    Principals principals;

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

        // the demo trainer holds the TRAINER role and manages their session's bank, exam and attempts
        StdHubUser trainer =
                principals.principal(TalentDemoData.TRAINER, Set.of()).orElseThrow();
        assertThat(trainer.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_TRAINER");
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(trainer, null, trainer.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            var managed = exams.managedExams();
            assertThat(managed).singleElement().satisfies(x -> {
                assertThat(x.title()).startsWith(TalentDemoData.MARK);
                assertThat(x.mayManage()).isTrue();
            });
            assertThat(attempts.attemptsAt(managed.getFirst().id())).isEmpty();
            assertThat(questionBanks.banks())
                    .singleElement()
                    .satisfies(b -> assertThat(b.questions()).hasSize(6));
            assertThat(courses.session(managed.getFirst().sessionId()).mayManage())
                    .isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
