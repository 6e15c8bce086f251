package org.stdhub.verification.task;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One test of a clause by a lab: samples, conditions, the instrument used, the measured value with its unit and
 * expanded uncertainty (with coverage factor k), and the raw data file stored by its SHA-256.
 */
@Entity(name = "VerificationTestRecord")
@Table(name = "verification_record")
public class TestRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "clause_id", nullable = false, updatable = false)
    private long clauseId;

    @Column(name = "lab_id", nullable = false, updatable = false)
    private long labId;

    @Column(nullable = false)
    private String samples;

    @Column(nullable = false)
    private String conditions;

    @Column(name = "equipment_id", nullable = false)
    private long equipmentId;

    @Column(nullable = false)
    private String quantity;

    @Column(name = "measured_value", nullable = false, precision = 30, scale = 10)
    private BigDecimal measuredValue;

    @Column(nullable = false)
    private String unit;

    @Column(name = "expanded_uncertainty", precision = 30, scale = 10)
    private BigDecimal expandedUncertainty;

    @Column(name = "coverage_factor", precision = 6, scale = 3)
    private BigDecimal coverageFactor;

    @Column(name = "raw_file_name")
    private String rawFileName;

    @Column(name = "raw_sha256")
    private String rawSha256;

    @Column(name = "raw_size")
    private Long rawSize;

    @Column(name = "recorded_by")
    private Long recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected TestRecord() {}

    public TestRecord(
            long clauseId,
            long labId,
            String samples,
            String conditions,
            long equipmentId,
            String quantity,
            BigDecimal measuredValue,
            String unit,
            BigDecimal expandedUncertainty,
            BigDecimal coverageFactor,
            Long recordedBy,
            Instant now) {
        this.clauseId = clauseId;
        this.labId = labId;
        this.samples = samples;
        this.conditions = conditions;
        this.equipmentId = equipmentId;
        this.quantity = quantity;
        this.measuredValue = measuredValue;
        this.unit = unit;
        this.expandedUncertainty = expandedUncertainty;
        this.coverageFactor = coverageFactor;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    public void attachRawData(String fileName, String sha256, long size) {
        this.rawFileName = fileName;
        this.rawSha256 = sha256;
        this.rawSize = size;
    }

    public Long getId() {
        return id;
    }

    public long getClauseId() {
        return clauseId;
    }

    public long getLabId() {
        return labId;
    }

    public String getSamples() {
        return samples;
    }

    public String getConditions() {
        return conditions;
    }

    public long getEquipmentId() {
        return equipmentId;
    }

    public String getQuantity() {
        return quantity;
    }

    public BigDecimal getMeasuredValue() {
        return measuredValue;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getExpandedUncertainty() {
        return expandedUncertainty;
    }

    public BigDecimal getCoverageFactor() {
        return coverageFactor;
    }

    public String getRawFileName() {
        return rawFileName;
    }

    public String getRawSha256() {
        return rawSha256;
    }

    public Long getRawSize() {
        return rawSize;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
