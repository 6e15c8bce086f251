package org.stdhub.talent;

/** The kinds of exam question: the first three are scored automatically, short answers by the trainer. */
public enum QuestionKind {
    SINGLE,
    MULTIPLE,
    TRUE_FALSE,
    SHORT;

    public boolean objective() {
        return this != SHORT;
    }

    public String messageKey() {
        return "talent.question." + name();
    }
}
