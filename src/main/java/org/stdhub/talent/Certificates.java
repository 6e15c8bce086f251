package org.stdhub.talent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.certificate.Certificate;
import org.stdhub.talent.certificate.CertificateNumbers;
import org.stdhub.talent.certificate.CertificateRepository;

/**
 * Certificates: trainers and the base office issue them by hand, {@link ExamResults} on a passed exam; they are revoked
 * with a reason; anyone verifies one by its number (and downloads its PDF); a person lists their own.
 */
@Service
@Transactional
public class Certificates {

    static final String AUDIT_TYPE = "certificate";
    private static final String ISSUERS = "hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')";

    /** What the issuer writes. */
    public record IssueForm(Long personId, String titleZh, String titleEn, LocalDate validUntil) {}

    private final CertificateRepository certificates;
    private final Recipients people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CertificatePdf pdf;

    Certificates(
            CertificateRepository certificates,
            Recipients people,
            ApplicationEventPublisher events,
            Clock clock,
            CertificatePdf pdf) {
        this.pdf = pdf;
        this.certificates = certificates;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(ISSUERS)
    public CertificateView issue(IssueForm f) {
        var errors = new InvalidInputException.Collector();
        errors.check(f.personId() != null, "personId", "talent.error.no-person");
        String titleZh = f.titleZh() == null ? "" : f.titleZh().strip();
        errors.check(!titleZh.isEmpty() && titleZh.length() <= 300, "titleZh", "talent.error.certificate-title");
        String titleEn = f.titleEn() == null || f.titleEn().isBlank()
                ? null
                : f.titleEn().strip();
        errors.check(titleEn == null || titleEn.length() <= 300, "titleEn", "talent.error.too-long");
        LocalDate today = LocalDate.now(clock);
        errors.check(f.validUntil() == null || f.validUntil().isAfter(today), "validUntil", "talent.error.dates");
        errors.throwIfAny();
        return issueTo(
                f.personId(), titleZh, titleEn, f.validUntil(), Viewer.current().personId(), null, null);
    }

    /**
     * A certificate for a passed exam (the exam's rules have been checked by {@link ExamAttempts}); issued by the system on
     * the recorded result, so no person is named as its issuer (the trainee's own submission may have recorded it).
     */
    CertificateView issueOnPass(long personId, String titleZh, long courseId, String courseTitleZh) {
        return issueTo(personId, titleZh, null, null, null, courseId, courseTitleZh);
    }

    /** A passed result was re-scored to a fail: its certificate is revoked with the re-score's reason. */
    void revokeOnRescore(String number, String reason) {
        certificates.findByNumber(number).filter(c -> !c.isRevoked()).ifPresent(c -> {
            c.revoke(reason, clock.instant());
            certificates.flush();
            events.publishEvent(StateChanged.of(AUDIT_TYPE, c.getNumber(), "revoked")
                    .withChange("status", "VALID", "REVOKED")
                    .withComment(reason));
        });
    }

    private CertificateView issueTo(
            long personId,
            String titleZh,
            String titleEn,
            LocalDate validUntil,
            Long by,
            Long courseId,
            String courseTitleZh) {
        LocalDate today = LocalDate.now(clock);
        Contact holder = people.ofPerson(personId).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of("personId", "talent.error.no-person")));
        String number;
        do {
            number = CertificateNumbers.next(today);
        } while (certificates.existsByNumber(number));
        Certificate c = certificates.saveAndFlush(new Certificate(
                number,
                holder.personId(),
                holder.displayName(),
                titleZh,
                titleEn,
                today,
                validUntil,
                by,
                clock.instant()));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, number, "issued")
                .withChange("holder", null, holder.personId())
                .withChange("title", null, titleZh)
                .withChange("validUntil", null, validUntil));
        events.publishEvent(new CertificateIssued(number, holder.personId(), titleZh, today, courseId, courseTitleZh));
        return view(c);
    }

    @PreAuthorize(ISSUERS)
    public CertificateView revoke(String number, String reason) {
        Certificate c = certificates
                .findByNumber(CertificateNumbers.normalize(number))
                .orElseThrow(() -> new NotFoundException("talent.error.no-certificate"));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException(Map.of("reason", "talent.error.reason-required"));
        }
        if (c.isRevoked()) {
            throw new ConflictException("talent.error.certificate-revoked");
        }
        Instant now = clock.instant();
        c.revoke(why, now);
        certificates.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, c.getNumber(), "revoked")
                .withChange("status", "VALID", "REVOKED")
                .withComment(why));
        return view(c);
    }

    /** Public: the certificate with this number, as its verification shows it. */
    @Transactional(readOnly = true)
    public CertificateView verify(String number) {
        return certificates
                .findByNumber(CertificateNumbers.normalize(number))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("talent.error.no-certificate"));
    }

    /** Public: the certificate as a PDF with the QR code of its verification page. */
    @Transactional(readOnly = true)
    public byte[] pdf(String number) {
        return pdf.render(verify(number));
    }

    /** The signed-in person's certificates. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CertificateView> mine() {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            return List.of();
        }
        return certificates.findByPersonIdOrderByIssuedOnDesc(viewer.personId()).stream()
                .map(this::view)
                .toList();
    }

    /** The latest certificates, for issuers. */
    @PreAuthorize(ISSUERS)
    @Transactional(readOnly = true)
    public List<CertificateView> latest() {
        return certificates.findTop200ByOrderByIdDesc().stream().map(this::view).toList();
    }

    private CertificateView view(Certificate c) {
        LocalDate today = LocalDate.now(clock);
        CertificateView.Status status = c.isRevoked()
                ? CertificateView.Status.REVOKED
                : c.getValidUntil() != null && c.getValidUntil().isBefore(today)
                        ? CertificateView.Status.EXPIRED
                        : CertificateView.Status.VALID;
        return new CertificateView(
                c.getNumber(),
                c.getHolderName(),
                c.getTitleZh(),
                c.getTitleEn(),
                c.getIssuedOn(),
                c.getValidUntil(),
                status,
                c.getRevokedAt(),
                c.getRevocationReason());
    }
}
