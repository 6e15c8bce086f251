package org.stdhub.talent;

import java.util.List;

/** A course of the public catalog with its sessions. */
public record CourseView(long id, String titleZh, String titleEn, String description, List<SessionView> sessions) {

    public boolean demo() {
        return titleZh.startsWith(TalentDemoData.MARK);
    }
}
