package org.stdhub.verification;

import java.util.LinkedHashMap;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.verification.task.VerificationTaskRepository;

/**
 * Who reads the histories of labs and verification tasks: a lab's by the base office and its engineers; a task's by
 * those who may see the task (the base office, its labs, the project's alliance). An alliance's verification rule
 * ({@code alliance-<id>}) by the base office.
 */
@Component
class TaskHistoryAccess implements HistoryAccess {

    private final VerificationTaskRepository tasks;
    private final VerificationTasks service;

    TaskHistoryAccess(VerificationTaskRepository tasks, VerificationTasks service) {
        this.tasks = tasks;
        this.service = service;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(Labs.AUDIT_TYPE, VerificationTasks.AUDIT_TYPE);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        Caller who = Caller.of(viewer);
        if (who.office()) {
            return true;
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Labs.AUDIT_TYPE.equals(objectType)) {
            return who.engineerOf(id);
        }
        return tasks.findById(id)
                .map(t -> service.maySee(t, who, new LinkedHashMap<>()))
                .orElse(false);
    }
}
