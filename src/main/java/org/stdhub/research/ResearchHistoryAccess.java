package org.stdhub.research;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.research.project.ResearchProjectStore;
import org.stdhub.research.report.ReportStore;

/** Who reads research's histories: a project's by its team and the base office; a report's by its author and the office. */
@Component
class ResearchHistoryAccess implements HistoryAccess {

    private final ResearchProjectStore projects;
    private final ReportStore reports;

    ResearchHistoryAccess(ResearchProjectStore projects, ReportStore reports) {
        this.projects = projects;
        this.reports = reports;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(ResearchProjects.AUDIT_TYPE, Reports.AUDIT_TYPE);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        Researcher caller = Researcher.of(viewer);
        if (caller.office()) {
            return true;
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        if (ResearchProjects.AUDIT_TYPE.equals(objectType)) {
            return projects.find(id).map(p -> p.hasMember(caller.personId())).orElse(false);
        }
        if (Reports.AUDIT_TYPE.equals(objectType)) {
            return reports.head(id).map(h -> caller.is(h.createdBy())).orElse(false);
        }
        return false;
    }
}
