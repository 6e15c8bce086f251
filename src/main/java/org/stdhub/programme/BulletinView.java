package org.stdhub.programme;

import java.time.Instant;
import java.time.LocalDate;

/** A bulletin: its period, text and where it is (draft → approved → published). */
public record BulletinView(
        long id,
        String title,
        LocalDate periodFrom,
        LocalDate periodTo,
        String body,
        State state,
        String draftedBy,
        Instant draftedAt,
        String approvedBy,
        Instant approvedAt,
        Instant publishedAt,
        boolean demo) {

    /** Drafted (and edited), approved by a second officer, published on the public site. */
    public enum State {
        DRAFT,
        APPROVED,
        PUBLISHED;

        public String messageKey() {
            return "programme.bulletin-state." + name();
        }
    }
}
