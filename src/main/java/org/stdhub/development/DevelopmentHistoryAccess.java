package org.stdhub.development;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads the recorded history of alliances, projects and ballots: the base office, and anyone who holds a role in
 * the alliance concerned (its secretariat and members). Voters' names are personal data of a ballot's history.
 */
@Component
class DevelopmentHistoryAccess implements HistoryAccess {

    private final AllianceRepository alliances;
    private final ProjectRepository projects;
    private final BallotRepository ballots;

    DevelopmentHistoryAccess(AllianceRepository alliances, ProjectRepository projects, BallotRepository ballots) {
        this.alliances = alliances;
        this.projects = projects;
        this.ballots = ballots;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(Alliances.AUDIT_TYPE, Projects.AUDIT_TYPE, Ballots.AUDIT_TYPE);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        if (!(viewer.getPrincipal() instanceof StdHubUser user)) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<Long> allianceId = switch (objectType) {
            case Alliances.AUDIT_TYPE -> Optional.of(id);
            case Projects.AUDIT_TYPE -> projects.findById(id).map(Project::getAllianceId);
            case Ballots.AUDIT_TYPE ->
                ballots.findById(id)
                        .flatMap(b -> projects.findById(b.getProjectId()))
                        .map(Project::getAllianceId);
            default -> Optional.empty();
        };
        return allianceId
                .flatMap(alliances::findById)
                .map(a -> user.hasRole(Role.BASE_OFFICER)
                        || user.hasRoleIn(a.getOrganizationId(), Role.ALLIANCE_SECRETARY)
                        || user.hasRoleIn(a.getOrganizationId(), Role.ALLIANCE_MEMBER))
                .orElse(false);
    }

    @Override
    public Set<String> personalFields(String objectType) {
        return Ballots.AUDIT_TYPE.equals(objectType) ? Set.of("voter") : Set.of();
    }
}
