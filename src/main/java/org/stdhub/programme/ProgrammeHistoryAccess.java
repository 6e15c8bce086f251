package org.stdhub.programme;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads the programme's histories: the base office every one; a unit's members those of their unit's contracts,
 * tasks, tranches, subsidy claims and evaluations. Targets and entered values: the base office. An evaluation whose
 * panel is drawn and which has not concluded: only the panel's officer (its history names the experts who scored),
 * like the talent center's sealed draw; administrators read every history anyway.
 */
@Component
class ProgrammeHistoryAccess implements HistoryAccess {

    private static final String FACT = "programme-fact";

    private final JdbcClient jdbc;

    ProgrammeHistoryAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(
                Contracts.AUDIT_TYPE,
                Tasks.AUDIT_TYPE,
                Tranches.AUDIT_TYPE,
                SubsidyClaims.AUDIT_TYPE,
                Evaluations.AUDIT_TYPE,
                EvaluationModels.AUDIT_TYPE,
                Indicators.AUDIT_TYPE,
                Committees.AUDIT_TYPE,
                Bulletins.AUDIT_TYPE,
                ConstructionPhases.AUDIT_TYPE,
                FACT);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        ProgrammeViewer who = ProgrammeViewer.of(viewer);
        if (Evaluations.AUDIT_TYPE.equals(objectType) && panelSealedFor(objectId, who)) {
            return false;
        }
        if (who.office()) {
            return true;
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        String sql = switch (objectType) {
            case Contracts.AUDIT_TYPE -> "select organization_id from programme_contract where id = ?";
            case Tasks.AUDIT_TYPE ->
                "select c.organization_id from programme_task t join programme_contract c on c.id = t.contract_id where t.id = ?";
            case Tranches.AUDIT_TYPE ->
                "select c.organization_id from programme_tranche t join programme_contract c on c.id = t.contract_id where t.id = ?";
            case SubsidyClaims.AUDIT_TYPE -> "select organization_id from programme_subsidy_claim where id = ?";
            case Evaluations.AUDIT_TYPE -> "select organization_id from programme_evaluation where id = ?";
            default -> null;
        };
        if (sql == null) {
            return false;
        }
        return jdbc.sql(sql)
                .param(id)
                .query(Long.class)
                .optional()
                .map(who::memberOf)
                .orElse(false);
    }

    /** Is the evaluation's panel drawn, the evaluation not concluded, and the viewer not the panel's officer? */
    private boolean panelSealedFor(String objectId, ProgrammeViewer who) {
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        return jdbc.sql("select draw_id, state, panel_officer_person_id from programme_evaluation where id = ?")
                .param(id)
                .query((rs, n) -> rs.getObject("draw_id") != null
                        && Evaluations.panelSealed(EvaluationState.valueOf(rs.getString("state")))
                        && !who.admin()
                        && !who.is(rs.getObject("panel_officer_person_id", Long.class)))
                .optional()
                .orElse(false);
    }
}
