package org.stdhub.development;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.stdhub.platform.ConflictException;

/** A transition the project's state does not allow now (409), naming the stage or the condition that is missing. */
public class TransitionRefused extends ConflictException {

    private final String transition;
    private final String missing;

    private TransitionRefused(String messageKey, String transition, String missing, Object... args) {
        super(messageKey, args);
        this.transition = transition;
        this.missing = missing;
    }

    /** The project is not in one of the stages the transition starts from. */
    static TransitionRefused wrongStage(Transition t, Stage current) {
        return new TransitionRefused(
                "development.error.wrong-stage", t.name(), "STAGE", named(t), current.code(), codes(t));
    }

    /** A condition of the transition is not met. */
    static TransitionRefused missing(Transition t, Requirement r) {
        return new TransitionRefused(r.messageKey(), t.name(), r.name(), named(t));
    }

    /** A condition another module puts on the transition ({@link StagePrerequisite}) is not met. */
    static TransitionRefused unmet(Transition t, StagePrerequisite.Unmet unmet) {
        return new TransitionRefused(unmet.messageKey(), t.name(), unmet.name(), named(t));
    }

    /** The transition's name in the reader's language (the message source resolves it when it formats the message). */
    private static MessageSourceResolvable named(Transition t) {
        return new DefaultMessageSourceResolvable(new String[] {t.messageKey()}, t.name());
    }

    private static String codes(Transition t) {
        return String.join(", ", t.from().stream().map(Stage::code).sorted().toList());
    }

    /** The transition refused. */
    public String transition() {
        return transition;
    }

    /** What is missing: {@code STAGE} or a {@link Requirement} name. */
    public String missing() {
        return missing;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("transition", transition, "missing", missing);
    }
}
