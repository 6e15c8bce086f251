package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.stdhub.platform.InvalidInputException;

/**
 * The smallest panel per purpose: {@code stdhub.talent.min-members-by-purpose.<PURPOSE>} as Spring Boot binds it, the
 * general {@code stdhub.talent.min-members} for the other purposes, odd numbers only, and a draw request refused
 * below its purpose's minimum.
 */
class DrawMinimumMembersTests {

    static TalentProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("stdhub.talent", TalentProperties.class);
    }

    @Test
    void withoutAPurposesOwnMinimumEveryPurposeHasTheGeneralOne() {
        TalentProperties defaults = bind(Map.of());
        assertThat(defaults.minMembers()).isEqualTo(5);
        for (DrawPurpose p : DrawPurpose.values()) {
            assertThat(defaults.minMembers(p)).isEqualTo(5);
        }
        assertThat(bind(Map.of("stdhub.talent.min-members", "3")).minMembers(DrawPurpose.EVALUATION))
                .isEqualTo(3);
    }

    @Test
    void aPurposeWithAHigherMinimumRefusesASmallerPanelAndTheOthersKeepTheGeneralOne() {
        TalentProperties properties = bind(Map.of("stdhub.talent.min-members-by-purpose.FUNDING_DECISION", "7"));
        assertThat(properties.minMembers(DrawPurpose.FUNDING_DECISION)).isEqualTo(7);
        assertThat(properties.minMembers(DrawPurpose.PROJECT_REVIEW)).isEqualTo(5);
        Draws draws = new Draws(null, null, null, null, null, null, Clock.systemUTC(), properties);
        assertThat(draws.minimumMembers())
                .containsEntry(DrawPurpose.FUNDING_DECISION, 7)
                .containsEntry(DrawPurpose.VERIFICATION, 5);

        assertThat(refusals(draws, DrawPurpose.FUNDING_DECISION, 5)).containsEntry("members", "talent.error.members");
        assertThat(refusals(draws, DrawPurpose.FUNDING_DECISION, 8)).containsEntry("members", "talent.error.members");
        assertThat(refusals(draws, DrawPurpose.FUNDING_DECISION, 7)).doesNotContainKey("members");
        assertThat(refusals(draws, DrawPurpose.PROJECT_REVIEW, 5)).doesNotContainKey("members");
        assertThat(refusals(draws, DrawPurpose.PROJECT_REVIEW, 3)).containsKey("members");
    }

    @Test
    void anEvenOrNonPositiveMinimumIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("stdhub.talent.min-members-by-purpose.FUNDING_DECISION", "6")))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-members-by-purpose.FUNDING_DECISION");
        assertThatThrownBy(() -> bind(Map.of("stdhub.talent.min-members", "0")))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The field errors of a request with {@code members} for {@code purpose}. The subject is left out, so every request
     * is refused before anything is looked up or stored: whether {@code members} is among the errors is the answer.
     */
    static Map<String, String> refusals(Draws draws, DrawPurpose purpose, int members) {
        var request = new DrawForms.NewDraw(
                purpose, " ", "01.040", members, 2, null, List.of(), List.of(), List.of(), List.of());
        try {
            draws.request(request, new Viewer(1L, true));
        } catch (InvalidInputException e) {
            assertThat(e.fieldErrors()).containsKey("subject");
            return e.fieldErrors();
        }
        throw new AssertionError("a request without a subject was accepted");
    }
}
