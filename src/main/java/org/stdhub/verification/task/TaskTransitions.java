package org.stdhub.verification.task;

import static org.stdhub.verification.task.TaskState.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state machine of a verification task as one table: planned → in progress → reported → closed, and
 * cancellation before the report. Each row says who may make it ({@link Party}) and what it needs ({@link Need}).
 */
public final class TaskTransitions {

    /** The part someone plays for a task. */
    public enum Party {
        /** The secretariat of the project's alliance, or the base office: opens, closes, cancels. */
        OPENER,
        /** An engineer of a lab assigned to the task: starts, records, reports. */
        LAB
    }

    /** A condition of a transition besides party and state. */
    public enum Need {
        /** Every clause has a verdict. */
        ALL_VERDICTS,
        /** Every clause verdicted CONFIRMED or NEEDS_CHANGE has at least one test record. */
        RECORDS_FOR_VERDICTS;

        public String messageKey() {
            return "verification.need." + name();
        }
    }

    /** One row of the table. */
    public record Transition(String name, Set<TaskState> from, TaskState to, Party party, List<Need> needs) {

        public String messageKey() {
            return "verification.transition." + name;
        }
    }

    private static final Map<String, Transition> TABLE = new LinkedHashMap<>();

    static {
        add(new Transition("START", Set.of(PLANNED), IN_PROGRESS, Party.LAB, List.of()));
        add(new Transition(
                "REPORT",
                Set.of(IN_PROGRESS),
                REPORTED,
                Party.LAB,
                List.of(Need.ALL_VERDICTS, Need.RECORDS_FOR_VERDICTS)));
        add(new Transition("CLOSE", Set.of(REPORTED), CLOSED, Party.OPENER, List.of()));
        add(new Transition("CANCEL", Set.of(PLANNED, IN_PROGRESS), CANCELLED, Party.OPENER, List.of()));
    }

    private TaskTransitions() {}

    private static void add(Transition t) {
        TABLE.put(t.name(), t);
    }

    public static List<Transition> all() {
        return List.copyOf(TABLE.values());
    }

    public static Optional<Transition> named(String name) {
        return Optional.ofNullable(name == null ? null : TABLE.get(name.strip().toUpperCase()));
    }

    public static List<Transition> from(TaskState state) {
        return TABLE.values().stream().filter(t -> t.from().contains(state)).toList();
    }
}
