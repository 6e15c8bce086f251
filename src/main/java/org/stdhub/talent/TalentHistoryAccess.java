package org.stdhub.talent;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.talent.certificate.CertificateRepository;
import org.stdhub.talent.draw.ExpertDrawRepository;
import org.stdhub.talent.expert.ExpertRepository;

/**
 * Who reads the talent module's histories: an expert's history is read by the base office and the expert; a draw's
 * by its responsible officer, and by the base office once the decision is recorded (before that the history holds
 * the sealed result's replacements); a certificate's by its issuers (trainers, the base office) and its holder;
 * courses, exams and banks by trainers and the base office; an enrolment or exam attempt also by its person.
 */
@Component
class TalentHistoryAccess implements HistoryAccess {

    private final ExpertRepository experts;
    private final ExpertDrawRepository draws;
    private final CertificateRepository certificates;

    private final org.stdhub.talent.training.EnrolmentRepository enrolments;
    private final org.stdhub.talent.exam.ExamAttemptRepository attempts;

    TalentHistoryAccess(
            ExpertRepository experts,
            ExpertDrawRepository draws,
            CertificateRepository certificates,
            org.stdhub.talent.training.EnrolmentRepository enrolments,
            org.stdhub.talent.exam.ExamAttemptRepository attempts) {
        this.enrolments = enrolments;
        this.attempts = attempts;
        this.experts = experts;
        this.draws = draws;
        this.certificates = certificates;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(
                Experts.AUDIT_TYPE,
                Draws.AUDIT_TYPE,
                Certificates.AUDIT_TYPE,
                Courses.COURSE_AUDIT,
                Courses.ENROLMENT_AUDIT,
                ExamAttempts.AUDIT_TYPE,
                "exam",
                "question-bank");
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        if (Certificates.AUDIT_TYPE.equals(objectType)) {
            // issuers, and the holder
            Viewer who = Viewer.of(viewer);
            return who.office()
                    || HistoryAccess.hasRole(viewer, "TRAINER")
                    || certificates
                            .findByNumber(objectId)
                            .map(c -> who.is(c.getPersonId()))
                            .orElse(false);
        }
        if (Set.of(Courses.COURSE_AUDIT, "exam", "question-bank").contains(objectType)) {
            // courses, exams and banks: the people who teach and the base office
            return Viewer.of(viewer).office() || HistoryAccess.hasRole(viewer, "TRAINER");
        }
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return false;
        }
        Viewer who = Viewer.of(viewer);
        if (Courses.ENROLMENT_AUDIT.equals(objectType)) {
            return who.office()
                    || HistoryAccess.hasRole(viewer, "TRAINER")
                    || enrolments.findById(id).map(e -> who.is(e.getPersonId())).orElse(false);
        }
        if (ExamAttempts.AUDIT_TYPE.equals(objectType)) {
            return who.office()
                    || HistoryAccess.hasRole(viewer, "TRAINER")
                    || attempts.findById(id).map(a -> who.is(a.getPersonId())).orElse(false);
        }
        if (Experts.AUDIT_TYPE.equals(objectType)) {
            return experts.findById(id)
                    .map(e -> who.office() || who.is(e.getPersonId()))
                    .orElse(false);
        }
        return draws.findById(id)
                .map(d -> who.is(d.getResponsiblePersonId()) || (who.office() && d.getState() == DrawState.DECIDED))
                .orElse(false);
    }
}
