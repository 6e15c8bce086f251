package org.stdhub.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.DrawView;
import org.stdhub.talent.Draws;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.ExpertView;
import org.stdhub.talent.Experts;
import org.stdhub.talent.Title;

/**
 * Expert panels for the programme's evaluation tests, through the talent center's public API: approved experts in a
 * field of their own, the panel's draw requested from the evaluation, committed and drawn by the requesting officer.
 */
final class PanelFixtures {

    private static final int RUN = 100 + (int) (System.nanoTime() % 900);
    private static final AtomicInteger FIELD = new AtomicInteger(10);

    final ProgrammeFixtures f;
    final Experts experts;
    final Draws draws;
    final EvaluationPanels panels;
    /** expert id → login of the experts made here. */
    final Map<Long, String> loginOfExpert = new HashMap<>();

    PanelFixtures(ProgrammeFixtures f, Experts experts, Draws draws, EvaluationPanels panels) {
        this.f = f;
        this.experts = experts;
        this.draws = draws;
        this.panels = panels;
    }

    /** An ICS class no other test (and, most likely, no earlier run) uses: "97.{run}.{n}". */
    static String field() {
        return "97." + RUN + "." + (FIELD.incrementAndGet() % 90 + 10);
    }

    /** {@code n} approved experts of {@code field}; returns their logins. */
    List<String> experts(String field, int n) {
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String login = f.people.person("expt");
            long person = f.people.personId(login);
            long id = SystemActor.run("test", () -> {
                ExpertView e = experts.enter(
                        person, new ExpertForms.ProfileForm(field, "", "基地 评估", Title.SENIOR, false, 12, "河南"));
                experts.transition(e.id(), ExpertTransition.START_REVIEW, null);
                return experts.transition(e.id(), ExpertTransition.APPROVE, null)
                        .id();
            });
            loginOfExpert.put(id, login);
            logins.add(login);
        }
        return logins;
    }

    /**
     * The officer (signed in) requests the evaluation's panel draw, commits and draws it; returns the draw as the
     * officer sees it (positions in order, members first).
     */
    DrawView drawPanel(long evaluationId, String field, int members, int reserves) {
        DrawView requested =
                panels.requestDraw(evaluationId, new EvaluationForms.PanelRequest(field, members, reserves));
        draws.commit(requested.id());
        return draws.draw(requested.id());
    }

    /** The logins of the draw's seated members, in seat order. */
    List<String> members(DrawView d) {
        return d.positions().stream()
                .filter(DrawView.PositionView::member)
                .map(p -> loginOfExpert.get(p.expertId()))
                .toList();
    }
}
