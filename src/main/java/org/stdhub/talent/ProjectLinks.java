package org.stdhub.talent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.stdhub.development.Projects;

/**
 * The development projects an expert's standards drafted name, read through the development module's API (talent
 * keeps only the project's id).
 */
@Component
class ProjectLinks {

    private final Projects projects;

    ProjectLinks(Projects projects) {
        this.projects = projects;
    }

    /** The project, if there is one with this id. */
    Optional<ExpertView.ProjectLink> find(long id) {
        return projects.reference(id).map(ExpertView.ProjectLink::of);
    }

    /** A lookup for one page of views: each project read once. */
    LongFunction<ExpertView.ProjectLink> lookup() {
        Map<Long, ExpertView.ProjectLink> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, x -> find(x).orElseGet(() -> ExpertView.ProjectLink.unknown(x)));
    }
}
