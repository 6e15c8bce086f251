package org.stdhub.talent.exam;

import jakarta.persistence.*;
import java.util.Arrays;
import java.util.List;
import org.stdhub.talent.QuestionKind;

/** A question of a bank, with its key (for short answers, a model answer for the scorer). */
@Entity
@Table(name = "exam_question")
public class Question {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "bank_id", nullable = false, updatable = false)
    private long bankId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuestionKind kind;

    @Column(nullable = false)
    private String topic;

    @Column(name = "body", nullable = false)
    private String text;

    private String choices;

    @Column(name = "answer_key")
    private String answerKey;

    @Column(nullable = false)
    private int points;

    protected Question() {}

    public Question(
            long bankId, QuestionKind kind, String topic, String text, String choices, String answerKey, int points) {
        this.bankId = bankId;
        this.kind = kind;
        this.topic = topic;
        this.text = text;
        this.choices = choices;
        this.answerKey = answerKey;
        this.points = points;
    }

    public Long getId() {
        return id;
    }

    public long getBankId() {
        return bankId;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public String getTopic() {
        return topic;
    }

    public String getText() {
        return text;
    }

    public List<String> choiceList() {
        return choices == null || choices.isBlank()
                ? List.of()
                : Arrays.stream(choices.split("\n")).map(String::strip).toList();
    }

    public String getAnswerKey() {
        return answerKey;
    }

    public int getPoints() {
        return points;
    }
}
