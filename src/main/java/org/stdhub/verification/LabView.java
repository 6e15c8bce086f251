package org.stdhub.verification;

import java.time.LocalDate;
import java.util.List;

/**
 * A lab of the verification center as its directory page and API show it. {@code accreditationValid} is the state
 * today; {@code warnings} name what is flagged (accreditation expired or missing, equipment whose calibration is
 * due). {@code engineers} lists names only for the base office and the lab's own people; everyone sees the count.
 */
public record LabView(
        long id,
        String nameZh,
        String nameEn,
        List<String> fields,
        String cnasNumber,
        String accreditationScope,
        LocalDate accreditedFrom,
        LocalDate accreditedTo,
        boolean accreditationValid,
        int capacity,
        int openTasks,
        int engineerCount,
        List<String> engineers,
        List<EquipmentView> equipment,
        List<String> warnings,
        boolean demo,
        boolean viewerMayEdit) {

    /** An instrument and whether it may be used today. */
    public record EquipmentView(
            long id,
            long labId,
            String name,
            String model,
            String serialNo,
            LocalDate calibrationDue,
            boolean overdue,
            boolean usable) {}

    /** A lab's profile as entered: fields are ICS or CCS codes separated by commas or spaces. */
    public record Profile(
            String fields,
            String cnasNumber,
            String accreditationScope,
            LocalDate accreditedFrom,
            LocalDate accreditedTo,
            Integer capacity) {}

    /** A new instrument. */
    public record NewEquipment(String name, String model, String serialNo, LocalDate calibrationDue) {}

    public boolean flagged() {
        return !warnings.isEmpty();
    }
}
