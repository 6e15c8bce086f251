package org.stdhub.talent.exam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.stdhub.talent.QuestionKind;
import org.stdhub.talent.draw.DrawGenerator;

/**
 * What a paper is made of: lines {@code KIND topic count} ({@code SINGLE 标准化基础 3}, topic {@code *} for any). A
 * paper is drawn line by line from the bank's questions in id order, without repeats, by the same deterministic
 * generator as the expert draws (HMAC_DRBG seeded with the attempt's stored seed + Fisher–Yates): the same seed and
 * bank always give the same paper.
 */
public record Blueprint(List<Line> lines) {

    public record Line(QuestionKind kind, String topic, int count) {

        boolean takes(Question q) {
            return q.getKind() == kind && ("*".equals(topic) || topic.equals(q.getTopic()));
        }
    }

    /** The blueprint written in {@code text}, or nothing when a line cannot be read. */
    public static Optional<Blueprint> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        for (String raw : text.strip().split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                QuestionKind kind = QuestionKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
                int count = Integer.parseInt(parts[2]);
                if (count < 1 || count > 200) {
                    return Optional.empty();
                }
                lines.add(new Line(kind, parts[1], count));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(new Blueprint(List.copyOf(lines)));
    }

    /** Whether the bank holds enough questions for every line. */
    public boolean fits(List<Question> bank) {
        Set<Long> taken = new HashSet<>();
        for (Line line : lines) {
            List<Long> candidates = bank.stream()
                    .filter(line::takes)
                    .map(Question::getId)
                    .filter(id -> !taken.contains(id))
                    .toList();
            if (candidates.size() < line.count()) {
                return false;
            }
            taken.addAll(candidates.subList(0, line.count()));
        }
        return true;
    }

    /** The paper: question ids in order, drawn from {@code bank} with the 256-bit {@code seedHex}. */
    public List<Long> draw(List<Question> bank, String seedHex) {
        List<Question> sorted = bank.stream()
                .sorted(java.util.Comparator.comparing(Question::getId))
                .toList();
        Set<Long> taken = new HashSet<>();
        List<Long> paper = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            List<Long> candidates = sorted.stream()
                    .filter(line::takes)
                    .map(Question::getId)
                    .filter(id -> !taken.contains(id))
                    .toList();
            List<Long> drawn = DrawGenerator.order(seedHex, "exam-paper-line-" + i, candidates, line.count());
            taken.addAll(drawn);
            paper.addAll(drawn);
        }
        return paper;
    }
}
