package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.CommentView;
import org.stdhub.development.Comments;
import org.stdhub.development.Projects;
import org.stdhub.identity.IdentityTest;
import org.stdhub.platform.SystemActor;

/**
 * The verification demo (switched off in the shared test context, made here by hand after the development demo it
 * builds on): two demo labs, one instrument overdue, a finished task on the demo project in its comment period whose
 * findings are in that project's comment table; made once; the public directory shows the demo mark.
 */
@IdentityTest
class VerificationDemoDataTests {

    @Autowired
    VerificationDemoData demo;

    @Autowired
    ApplicationContext context;

    @Autowired
    Labs labs;

    @Autowired
    VerificationTasks tasks;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    Comments comments;

    @Autowired
    MockMvcTester mvc;

    @Test
    void demoLabsAndAFinishedTaskOnTheDemoProjectMadeOnce() throws Exception {
        // the development demo first, as on the embedded default (its runner comes before this one)
        Object developmentDemo = context.getBean("demoData");
        Method create = developmentDemo.getClass().getDeclaredMethod("create");
        create.setAccessible(true);
        create.invoke(developmentDemo);

        demo.create();
        assertThat(demo.create()).isFalse();

        List<LabView> demoLabs = labs.list().stream().filter(LabView::demo).toList();
        assertThat(demoLabs).hasSize(2);
        assertThat(demoLabs).allMatch(LabView::accreditationValid);
        assertThat(demoLabs)
                .anySatisfy(l -> assertThat(l.warnings()).contains("verification.lab.warning.calibration-due"));

        AllianceView alliance = alliances.all().stream()
                .filter(a -> a.demo() && a.groupCode().equals("DEMO"))
                .findFirst()
                .orElseThrow();
        long inComment = projects.ofAlliance(alliance.id()).stream()
                .filter(p -> p.stage().equals("30.20"))
                .findFirst()
                .orElseThrow()
                .id();
        List<TaskView> onProject = SystemActor.run("test", () -> tasks.ofProject(inComment));
        assertThat(onProject).hasSize(1);
        TaskView task = onProject.getFirst();
        assertThat(task.demo()).isTrue();
        assertThat(task.state()).isEqualTo("CLOSED");
        assertThat(task.reportAvailable()).isTrue();
        assertThat(task.clauses().getFirst().comparison()).isNotNull();
        List<CommentView> table = comments.of(inComment);
        assertThat(table).anySatisfy(c -> assertThat(c.memberBody()).contains("演示"));

        assertThat(mvc.get().uri("/labs")).hasStatusOk().bodyText().contains("演示数据", "校准已到期");
        assertThat(mvc.get().uri("/labs/{id}", demoLabs.getFirst().id()))
                .hasStatusOk()
                .bodyText()
                .contains("演示数据");
        assertThat(mvc.get().uri("/api/v1/labs")).hasStatusOk().bodyText().contains("CNAS L0001");
    }
}
