package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.identity.IdentityTest;
import org.stdhub.platform.SystemActor;

/** The demo data: contracts for the centers, a year of targets and two published bulletins, marked, loaded once. */
@IdentityTest
class ProgrammeDemoDataTests {

    @Autowired
    ProgrammeDemoData demo;

    @Autowired
    Contracts contracts;

    @Autowired
    Indicators indicators;

    @Autowired
    Bulletins bulletins;

    @Autowired
    Evaluations evaluations;

    @Test
    void demoContractsTargetsAndBulletinsAreLoadedOnceAndMarked() {
        assertThat(demo.load()).isTrue();
        assertThat(demo.load()).isFalse();
        List<ContractView> demoContracts = SystemActor.run(
                "test",
                () -> contracts.list().stream().filter(ContractView::demo).toList());
        assertThat(demoContracts)
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.title()).startsWith(ProgrammeDemoData.MARK));
        assertThat(demoContracts)
                .extracting(ContractView::center)
                .contains(Center.PLATFORM, Center.INNOVATION, Center.VERIFICATION, Center.TALENT);
        var targets = SystemActor.run(
                "test", () -> indicators.dashboard(LocalDate.now().getYear()));
        assertThat(targets).filteredOn(IndicatorViews.TargetStatus::demo).isNotEmpty();
        assertThat(targets)
                .filteredOn(t -> t.indicator() == Indicator.VERIFICATIONS_DONE && t.demo())
                .allSatisfy(t -> assertThat(t.actual()).isNotNull());
        assertThat(bulletins.published()).filteredOn(BulletinView::demo).hasSize(2);
        var concluded = SystemActor.run(
                "test",
                () -> evaluations.list().stream().filter(EvaluationView::demo).toList());
        assertThat(concluded).hasSize(1).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(EvaluationState.CONCLUDED);
            assertThat(e.experts()).hasSize(2);
            assertThat(e.resultClass()).isNotNull();
            assertThat(e.round()).startsWith(ProgrammeDemoData.MARK);
        });
    }
}
