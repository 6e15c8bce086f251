package org.stdhub.talent;

/** Professional title (职称) level. */
public enum Title {
    /** 正高级 */
    FULL_SENIOR,
    /** 副高级 */
    SENIOR,
    /** 中级 */
    INTERMEDIATE,
    /** 初级 */
    JUNIOR,
    NONE;

    public boolean senior() {
        return this == FULL_SENIOR || this == SENIOR;
    }

    public String messageKey() {
        return "talent.title." + name();
    }
}
