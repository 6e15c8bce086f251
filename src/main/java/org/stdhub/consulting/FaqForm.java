package org.stdhub.consulting;

/** The edited, anonymised text of a FAQ entry (Chinese required, English optional). */
public record FaqForm(String questionZh, String answerZh, String questionEn, String answerEn) {}
