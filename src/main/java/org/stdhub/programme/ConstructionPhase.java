package org.stdhub.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A construction phase of the base (筹建, 启动, 建设, 中期评估, 完善提升, 验收) as a milestone: planned dates, deliverables,
 * and the day it was reached; {@code current} marks the phase today falls in.
 */
public record ConstructionPhase(
        String code,
        int position,
        LocalDate startsOn,
        LocalDate endsOn,
        List<String> deliverables,
        LocalDate reachedOn,
        boolean current,
        boolean overdue) {

    /** The deliverables one per line (for editing). */
    public String deliverablesText() {
        return String.join("\n", deliverables);
    }

    public String messageKey() {
        return "programme.phase." + code;
    }
}
