package org.stdhub.consulting;

import java.time.Instant;
import java.util.List;

/** A public FAQ entry, made by staff from an answered enquiry without the enterprise's name. */
public record FaqEntry(
        long id,
        String questionZh,
        String answerZh,
        String questionEn,
        String answerEn,
        String fieldCode,
        List<String> references,
        Instant publishedAt,
        boolean demo) {

    public String question(boolean english) {
        return english && questionEn != null ? questionEn : questionZh;
    }

    public String answer(boolean english) {
        return english && answerEn != null ? answerEn : answerZh;
    }
}
