package org.stdhub.verification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.development.Alliances;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.development.WorkItem;
import org.stdhub.development.WorkSource;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.verification.task.TaskState;
import org.stdhub.verification.task.VerificationTask;
import org.stdhub.verification.task.VerificationTaskRepository;

/**
 * Verification tasks in "my work": for a lab's engineers while planned or in progress (theirs to do); for the
 * project's alliance (secretariat and members) while they run (waiting), and for the secretariat once reported
 * (theirs to close).
 */
@Component
class TaskWork implements WorkSource {

    private final VerificationTaskRepository tasks;
    private final Projects projects;
    private final Alliances alliances;
    private final java.time.Clock clock;

    TaskWork(VerificationTaskRepository tasks, Projects projects, Alliances alliances, java.time.Clock clock) {
        this.tasks = tasks;
        this.projects = projects;
        this.alliances = alliances;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkItem> itemsFor(StdHubUser person) {
        if (person == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        Map<Long, Long> orgs = new LinkedHashMap<>();
        List<WorkItem> items = new ArrayList<>();
        for (VerificationTask t : tasks.findByStateInOrderByDueDateAsc(
                EnumSet.of(TaskState.PLANNED, TaskState.IN_PROGRESS, TaskState.REPORTED))) {
            boolean lab = t.getLabIds().stream().anyMatch(id -> person.hasRoleIn(id, Role.LAB_ENGINEER));
            long org = orgs.computeIfAbsent(
                    t.getAllianceId(), id -> alliances.get(id).organizationId());
            boolean secretary = person.hasRoleIn(org, Role.ALLIANCE_SECRETARY);
            boolean member = secretary || person.hasRoleIn(org, Role.ALLIANCE_MEMBER);
            String kind;
            boolean mine;
            if (t.getState() == TaskState.REPORTED) {
                if (!secretary) {
                    continue;
                }
                kind = "VERIFICATION_REPORTED";
                mine = true;
            } else if (lab) {
                kind = "VERIFY";
                mine = true;
            } else if (member) {
                kind = "VERIFICATION_RUNNING";
                mine = false;
            } else {
                continue;
            }
            ProjectView p = projects.get(t.getProjectId());
            boolean open = t.getState().isOpen();
            items.add(new WorkItem(
                    kind,
                    mine,
                    p.id(),
                    t.getTitle() + " — " + p.titleZh(),
                    p.alliancePrefix(),
                    p.stage(),
                    null,
                    open ? t.getDueDate().atTime(LocalTime.MAX).atZone(zone).toInstant() : null,
                    open && today.isAfter(t.getDueDate()),
                    "/verification-tasks/" + t.getId()));
        }
        return items;
    }
}
