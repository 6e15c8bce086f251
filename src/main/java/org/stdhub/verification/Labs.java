package org.stdhub.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.MembershipView;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.SystemActor;
import org.stdhub.verification.lab.Equipment;
import org.stdhub.verification.lab.EquipmentRepository;
import org.stdhub.verification.lab.LabProfile;
import org.stdhub.verification.lab.LabProfileRepository;
import org.stdhub.verification.task.VerificationTaskRepository;

/**
 * The labs of the verification center: an identity organization of kind {@code LAB} with a profile (fields, CNAS
 * accreditation, capacity), equipment with calibration due dates, and its engineers ({@code LAB_ENGINEER}
 * memberships). The directory is public; the base office and the lab's own engineers keep the profile. Other parts
 * of the module ask here whether someone is a lab's engineer and whether an instrument may be used on a day.
 */
@Service
@Transactional
public class Labs {

    static final String AUDIT_TYPE = "lab";

    /** A field code: an ICS code (01.040.01) or a CCS code (J26). */
    private static final String FIELD = "(\\d{2}(\\.\\d{3}(\\.\\d{2})?)?|[A-Z]\\d{2})";

    private final LabProfileRepository profiles;
    private final EquipmentRepository equipment;
    private final VerificationTaskRepository tasks;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Labs(
            LabProfileRepository profiles,
            EquipmentRepository equipment,
            VerificationTaskRepository tasks,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.profiles = profiles;
        this.equipment = equipment;
        this.tasks = tasks;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** The public directory: every lab with a profile. */
    @Transactional(readOnly = true)
    public List<LabView> list() {
        Caller me = Caller.current();
        return profiles.findAllByOrderByOrganizationIdAsc().stream()
                .map(p -> view(p, me))
                .toList();
    }

    /** The {@code n} labs whose profile came last, newest first (the public site's "latest"). */
    @Transactional(readOnly = true)
    public List<LabView> latest(int n) {
        return list().stream()
                .sorted(java.util.Comparator.comparingLong(LabView::id).reversed())
                .limit(Math.max(0, n))
                .toList();
    }

    @Transactional(readOnly = true)
    public LabView get(long labId) {
        return view(profile(labId), Caller.current());
    }

    /** The caller may register a lab's profile (the base office). */
    public boolean mayRegister() {
        return Caller.current().office();
    }

    /** The current person is an engineer of the lab. */
    public boolean isEngineerOf(long labId) {
        return Caller.current().engineerOf(labId);
    }

    /** The instrument may be used on {@code day}: its calibration is not due and its lab's accreditation holds. */
    @Transactional(readOnly = true)
    public boolean equipmentUsable(long equipmentId, LocalDate day) {
        return equipment
                .findById(equipmentId)
                .map(e -> refusal(e, day).isEmpty())
                .orElse(false);
    }

    /**
     * Checks that the instrument belongs to lab {@code labId} and may be used on {@code day}; throws the refusal that
     * says why not (409 naming the instrument and date).
     */
    @Transactional(readOnly = true)
    public void requireUsable(long labId, long equipmentId, LocalDate day) {
        Equipment e = equipment
                .findById(equipmentId)
                .filter(x -> x.getLabId() == labId)
                .orElseThrow(() -> new InvalidInputException(Map.of("equipmentId", "verification.error.equipment")));
        Optional<String> why = refusal(e, day);
        if (why.isPresent()) {
            throw new ConflictException(
                    why.get(),
                    e.getName() + " " + e.getSerialNo(),
                    e.getCalibrationDue().toString());
        }
    }

    private Optional<String> refusal(Equipment e, LocalDate day) {
        if (e.calibrationDueOn(day)) {
            return Optional.of("verification.error.calibration-due");
        }
        LabProfile p = profiles.findById(e.getLabId()).orElse(null);
        if (p == null || !p.accreditedOn(day)) {
            return Optional.of("verification.error.accreditation-expired");
        }
        return Optional.empty();
    }

    /** The base office (or a lab's engineer) sets the lab's profile; the organization must be of kind LAB. */
    @PreAuthorize("isAuthenticated()")
    public LabView saveProfile(long labId, LabView.Profile form) {
        Caller me = Caller.current();
        OrganizationView org = organization(labId);
        if (org.kind() != OrganizationKind.LAB) {
            throw new InvalidInputException(Map.of("labId", "verification.error.not-a-lab"));
        }
        requireKeeper(me, labId);
        return saveChecked(labId, form, false);
    }

    LabView saveChecked(long labId, LabView.Profile form, boolean demo) {
        var errors = new InvalidInputException.Collector();
        List<String> fields = fields(form == null ? null : form.fields());
        errors.check(fields != null && !fields.isEmpty(), "fields", "verification.error.fields");
        if (form != null) {
            errors.check(
                    form.cnasNumber() == null
                            || form.cnasNumber().isBlank()
                            || form.cnasNumber().strip().matches("CNAS ?L\\d{1,6}"),
                    "cnasNumber",
                    "verification.error.cnas");
            errors.check(optional(form.accreditationScope(), 4000), "accreditationScope", "verification.error.text");
            errors.check(
                    form.accreditedFrom() == null
                            || form.accreditedTo() == null
                            || !form.accreditedTo().isBefore(form.accreditedFrom()),
                    "accreditedTo",
                    "verification.error.accreditation-dates");
            errors.check(
                    form.capacity() != null && form.capacity() >= 0 && form.capacity() <= 1000,
                    "capacity",
                    "verification.error.capacity");
        } else {
            errors.add("capacity", "verification.error.capacity");
        }
        errors.throwIfAny();
        LabProfile p = profiles.findById(labId).orElseGet(() -> new LabProfile(labId, demo));
        boolean created = p.getFields() == null;
        String before = created ? null : p.getCnasNumber() + " " + p.getAccreditedTo();
        p.change(
                String.join(" ", fields),
                blankToNull(form.cnasNumber()),
                blankToNull(form.accreditationScope()),
                form.accreditedFrom(),
                form.accreditedTo(),
                form.capacity(),
                clock.instant());
        profiles.save(p);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, labId, created ? "profile-created" : "profile-changed")
                .withChange("accreditation", before, p.getCnasNumber() + " " + p.getAccreditedTo())
                .withChange("capacity", null, p.getCapacity()));
        return view(p, Caller.current());
    }

    @PreAuthorize("isAuthenticated()")
    public LabView.EquipmentView addEquipment(long labId, LabView.NewEquipment form) {
        profile(labId);
        requireKeeper(Caller.current(), labId);
        var errors = new InvalidInputException.Collector();
        errors.check(form != null && text(form.name(), 200), "name", "verification.error.equipment-name");
        errors.check(form != null && optional(form.model(), 200), "model", "verification.error.text");
        errors.check(form != null && text(form.serialNo(), 100), "serialNo", "verification.error.serial");
        errors.check(form != null && form.calibrationDue() != null, "calibrationDue", "verification.error.calibration");
        errors.throwIfAny();
        if (equipment.existsByLabIdAndSerialNo(labId, form.serialNo().strip())) {
            throw new InvalidInputException(Map.of("serialNo", "verification.error.serial-taken"));
        }
        Equipment e = equipment.save(new Equipment(
                labId,
                form.name().strip(),
                blankToNull(form.model()),
                form.serialNo().strip(),
                form.calibrationDue(),
                clock.instant()));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, labId, "equipment-added")
                .withChange("equipment", null, e.getName() + " " + e.getSerialNo() + " due " + e.getCalibrationDue()));
        return equipmentView(e, LocalDate.now(clock));
    }

    /** The instrument was calibrated: its next due date. */
    @PreAuthorize("isAuthenticated()")
    public LabView.EquipmentView recalibrate(long equipmentId, LocalDate nextDue) {
        Equipment e = equipment
                .findById(equipmentId)
                .orElseThrow(() -> new NotFoundException("verification.error.equipment-not-found", equipmentId));
        requireKeeper(Caller.current(), e.getLabId());
        if (nextDue == null || !nextDue.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(Map.of("calibrationDue", "verification.error.calibration"));
        }
        LocalDate before = e.getCalibrationDue();
        e.calibrated(nextDue);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, e.getLabId(), "equipment-calibrated")
                .withChange(e.getSerialNo(), before, nextDue));
        return equipmentView(e, LocalDate.now(clock));
    }

    /** The lab's instruments (none when the lab has no profile), flagged when due or unusable today. */
    @Transactional(readOnly = true)
    public List<LabView.EquipmentView> equipmentOf(long labId) {
        LocalDate today = LocalDate.now(clock);
        return equipment.findByLabIdOrderByNameAscIdAsc(labId).stream()
                .map(e -> equipmentView(e, today))
                .toList();
    }

    /** An instrument's name and serial number, for records that cite it. */
    @Transactional(readOnly = true)
    public String equipmentName(long equipmentId) {
        return equipment
                .findById(equipmentId)
                .map(e -> e.getName() + (e.getModel() == null ? "" : " " + e.getModel()) + " (" + e.getSerialNo() + ")")
                .orElse("#" + equipmentId);
    }

    private void requireKeeper(Caller me, long labId) {
        if (!me.office() && !me.engineerOf(labId)) {
            throw new NotPermittedException("verification.error.not-lab-keeper");
        }
    }

    LabProfile profile(long labId) {
        return profiles.findById(labId)
                .orElseThrow(() -> new NotFoundException("verification.error.lab-not-found", labId));
    }

    /** The lab's name (public: the directory shows it). */
    public String nameOf(long labId) {
        return organization(labId).nameZh();
    }

    private OrganizationView organization(long id) {
        try {
            return SystemActor.run("labs", () -> organizations.find(id));
        } catch (RuntimeException e) {
            throw new NotFoundException("verification.error.lab-not-found", id);
        }
    }

    LabView view(LabProfile p, Caller me) {
        LocalDate today = LocalDate.now(clock);
        long id = p.getOrganizationId();
        OrganizationView org = organization(id);
        List<MembershipView> members = SystemActor.run("labs", () -> organizations.members(id));
        List<String> engineerNames = members.stream()
                .filter(m -> m.role() == Role.LAB_ENGINEER && m.current())
                .map(MembershipView::personName)
                .distinct()
                .toList();
        boolean insider = me.office() || me.engineerOf(id);
        List<LabView.EquipmentView> eq = equipment.findByLabIdOrderByNameAscIdAsc(id).stream()
                .map(e -> equipmentView(e, today))
                .toList();
        List<String> warnings = new ArrayList<>();
        if (!p.accreditedOn(today)) {
            warnings.add(
                    p.getCnasNumber() == null
                            ? "verification.lab.warning.no-accreditation"
                            : "verification.lab.warning.accreditation-expired");
        }
        if (eq.stream().anyMatch(LabView.EquipmentView::overdue)) {
            warnings.add("verification.lab.warning.calibration-due");
        }
        return new LabView(
                id,
                org.nameZh(),
                org.nameEn(),
                Arrays.stream(p.getFields().split(" "))
                        .filter(s -> !s.isBlank())
                        .toList(),
                p.getCnasNumber(),
                p.getAccreditationScope(),
                p.getAccreditedFrom(),
                p.getAccreditedTo(),
                p.accreditedOn(today),
                p.getCapacity(),
                tasks.countOpenForLab(id),
                engineerNames.size(),
                insider ? engineerNames : List.of(),
                eq,
                warnings,
                p.isDemo(),
                insider);
    }

    private LabView.EquipmentView equipmentView(Equipment e, LocalDate today) {
        return new LabView.EquipmentView(
                e.getId(),
                e.getLabId(),
                e.getName(),
                e.getModel(),
                e.getSerialNo(),
                e.getCalibrationDue(),
                e.calibrationDueOn(today),
                refusal(e, today).isEmpty());
    }

    private static List<String> fields(String s) {
        if (s == null || s.isBlank() || s.length() > 1000) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String f : s.strip().split("[\\s,，;；]+")) {
            if (!f.matches(FIELD)) {
                return null;
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean text(String s, int max) {
        return s != null && !s.isBlank() && s.strip().length() <= max && !ControlCharacters.present(s);
    }

    private static boolean optional(String s, int max) {
        return s == null || (s.strip().length() <= max && !ControlCharacters.present(s));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
