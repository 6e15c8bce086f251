package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** One immutable version of a project's draft: the file is stored under its SHA-256 in the data directory. */
@Entity
@Table(name = "draft_version")
class DraftVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private long uploadedBy;

    @Column(name = "uploader_name", nullable = false, updatable = false)
    private String uploaderName;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected DraftVersion() {}

    DraftVersion(
            long projectId,
            int versionNo,
            String fileName,
            String mediaType,
            long sizeBytes,
            String sha256,
            String reason,
            long uploadedBy,
            String uploaderName,
            Instant now) {
        this.projectId = projectId;
        this.versionNo = versionNo;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.reason = reason;
        this.uploadedBy = uploadedBy;
        this.uploaderName = uploaderName;
        this.uploadedAt = now;
    }

    DraftView view() {
        return new DraftView(
                id, projectId, versionNo, fileName, mediaType, sizeBytes, sha256, reason, uploaderName, uploadedAt);
    }

    long getProjectId() {
        return projectId;
    }

    String getSha256() {
        return sha256;
    }

    String getMediaType() {
        return mediaType;
    }

    String getFileName() {
        return fileName;
    }
}
