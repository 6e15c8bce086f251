package org.stdhub.talent.training;

import jakarta.persistence.*;
import java.time.Instant;

/** A file handed out for a session, stored once under the SHA-256 of its content. */
@Entity
@Table(name = "session_material")
public class SessionMaterial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected SessionMaterial() {}

    public SessionMaterial(
            long sessionId, String fileName, String mediaType, String sha256, long sizeBytes, Instant now) {
        this.sessionId = sessionId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.uploadedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSessionId() {
        return sessionId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }
}
