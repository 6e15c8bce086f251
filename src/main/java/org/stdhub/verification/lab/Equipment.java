package org.stdhub.verification.lab;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** A lab's instrument: name, model, serial number and when its calibration falls due. */
@Entity(name = "LabEquipment")
@Table(name = "lab_equipment")
public class Equipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private long labId;

    @Column(nullable = false)
    private String name;

    private String model;

    @Column(name = "serial_no", nullable = false)
    private String serialNo;

    @Column(name = "calibration_due", nullable = false)
    private LocalDate calibrationDue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Equipment() {}

    public Equipment(long labId, String name, String model, String serialNo, LocalDate calibrationDue, Instant now) {
        this.labId = labId;
        this.name = name;
        this.model = model;
        this.serialNo = serialNo;
        this.calibrationDue = calibrationDue;
        this.createdAt = now;
    }

    /** Recalibrated: the next due date. */
    public void calibrated(LocalDate nextDue) {
        this.calibrationDue = nextDue;
    }

    /** Calibration is due (or overdue) on {@code day}: an instrument is usable only strictly before its due date. */
    public boolean calibrationDueOn(LocalDate day) {
        return !day.isBefore(calibrationDue);
    }

    public Long getId() {
        return id;
    }

    public long getLabId() {
        return labId;
    }

    public String getName() {
        return name;
    }

    public String getModel() {
        return model;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public LocalDate getCalibrationDue() {
        return calibrationDue;
    }
}
