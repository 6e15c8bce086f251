package org.stdhub.talent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.exam.Question;
import org.stdhub.talent.exam.QuestionBank;
import org.stdhub.talent.exam.QuestionBankRepository;
import org.stdhub.talent.exam.QuestionRepository;

/**
 * Question banks: a trainer keeps banks of single and multiple choice, true/false and short-answer questions from
 * which the papers of their exams are drawn ({@link Exams}). Objective answer keys are kept in one spelling
 * ({@link #normalize}). Audited as {@code question-bank}.
 */
@Service
@Transactional
public class QuestionBanks {

    private static final String TEACHERS = "hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')";

    private final QuestionBankRepository banks;
    private final QuestionRepository questions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuestionBanks(
            QuestionBankRepository banks, QuestionRepository questions, ApplicationEventPublisher events, Clock clock) {
        this.banks = banks;
        this.questions = questions;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(TEACHERS)
    public ExamViews.BankView createBank(ExamForms.NewBank f) {
        return createBank(f, Exams.personal());
    }

    /** {@link #createBank} owned by {@code viewer} (the demo data names its trainer so). */
    ExamViews.BankView createBank(ExamForms.NewBank f, Viewer viewer) {
        String title = strip(f == null ? null : f.title());
        if (title == null || title.length() > 300) {
            throw new InvalidInputException(Map.of("title", "talent.error.bank-title"));
        }
        QuestionBank b = banks.saveAndFlush(new QuestionBank(title, viewer.personId(), clock.instant()));
        events.publishEvent(
                StateChanged.of("question-bank", b.getId(), "created").withChange("title", null, title));
        return view(b);
    }

    @PreAuthorize(TEACHERS)
    public ExamViews.QuestionView addQuestion(long bankId, ExamForms.NewQuestion f) {
        return addQuestion(bankId, f, Viewer.current());
    }

    /** {@link #addQuestion} by {@code viewer}, the bank's owner. */
    ExamViews.QuestionView addQuestion(long bankId, ExamForms.NewQuestion f, Viewer viewer) {
        QuestionBank b = ownBank(bankId, viewer);
        var errors = new InvalidInputException.Collector();
        errors.check(f.kind() != null, "kind", "talent.error.question-kind");
        String topic = strip(f.topic());
        errors.check(topic != null && topic.length() <= 100 && !topic.contains(" "), "topic", "talent.error.topic");
        String text = strip(f.text());
        errors.check(text != null && text.length() <= 4000, "text", "talent.error.question-text");
        errors.check(f.points() != null && f.points() > 0 && f.points() <= 100, "points", "talent.error.points");
        String choices = null;
        String key = strip(f.answerKey());
        if (f.kind() == QuestionKind.SINGLE || f.kind() == QuestionKind.MULTIPLE) {
            List<String> list = f.choices() == null
                    ? List.of()
                    : f.choices()
                            .lines()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            errors.check(list.size() >= 2 && list.size() <= 26, "choices", "talent.error.choices");
            choices = String.join("\n", list);
            String normalized = normalize(f.kind(), key, list.size());
            errors.check(
                    normalized != null && (f.kind() == QuestionKind.MULTIPLE || normalized.length() == 1),
                    "answerKey",
                    "talent.error.answer-key");
            key = normalized;
        } else if (f.kind() == QuestionKind.TRUE_FALSE) {
            key = normalize(f.kind(), key, 0);
            errors.check(key != null, "answerKey", "talent.error.answer-key");
        }
        errors.check(key == null || key.length() <= 4000, "answerKey", "talent.error.too-long");
        errors.throwIfAny();
        Question q = questions.saveAndFlush(new Question(b.getId(), f.kind(), topic, text, choices, key, f.points()));
        events.publishEvent(StateChanged.of("question-bank", b.getId(), "question-added")
                .withChange("question", null, q.getId())
                .withChange("kind", null, f.kind()));
        return view(q);
    }

    /** The banks the signed-in trainer owns (all, for the base office). */
    @PreAuthorize(TEACHERS)
    @Transactional(readOnly = true)
    public List<ExamViews.BankView> banks() {
        Viewer viewer = Viewer.current();
        List<QuestionBank> list = viewer.office()
                ? banks.findAllByOrderByIdDesc()
                : viewer.personId() == null ? List.of() : banks.findByOwnerPersonIdOrderByIdDesc(viewer.personId());
        return list.stream().map(this::view).toList();
    }

    @PreAuthorize(TEACHERS)
    @Transactional(readOnly = true)
    public ExamViews.BankView bank(long id) {
        QuestionBank b = banks.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-bank"));
        Viewer viewer = Viewer.current();
        if (!viewer.office() && !viewer.is(b.getOwnerPersonId())) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        return view(b);
    }

    /** The bank {@code id}, which {@code viewer} must own (to add questions or set an exam on it). */
    QuestionBank ownBank(long id, Viewer viewer) {
        QuestionBank b = banks.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-bank"));
        if (!viewer.is(b.getOwnerPersonId())) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        return b;
    }

    /** An objective answer in its one spelling ("A", "A,C", "true"), or null when it is not one. */
    static String normalize(QuestionKind kind, String given, int choices) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.strip().toUpperCase(Locale.ROOT);
        return switch (kind) {
            case TRUE_FALSE ->
                switch (s) {
                    case "TRUE", "T", "对", "是", "√" -> "true";
                    case "FALSE", "F", "错", "否", "×" -> "false";
                    default -> null;
                };
            case SINGLE, MULTIPLE -> {
                TreeSet<Character> letters = new TreeSet<>();
                for (String part : s.split("[\\s,，、;]+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    for (char c : part.toCharArray()) {
                        if (c < 'A' || c >= 'A' + choices) {
                            yield null;
                        }
                        letters.add(c);
                    }
                }
                if (letters.isEmpty() || kind == QuestionKind.SINGLE && letters.size() != 1) {
                    yield null;
                }
                yield letters.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
            case SHORT -> given.strip();
        };
    }

    private ExamViews.BankView view(QuestionBank b) {
        return new ExamViews.BankView(
                b.getId(),
                b.getTitle(),
                b.getOwnerPersonId(),
                questions.findByBankIdOrderById(b.getId()).stream()
                        .map(QuestionBanks::view)
                        .toList());
    }

    private static ExamViews.QuestionView view(Question q) {
        return new ExamViews.QuestionView(
                q.getId(), q.getKind(), q.getTopic(), q.getText(), q.choiceList(), q.getAnswerKey(), q.getPoints());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
