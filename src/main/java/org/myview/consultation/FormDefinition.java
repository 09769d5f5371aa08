package org.myview.consultation;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;

/**
 * One version of the questions for an age group, read from {@code src/main/resources/forms/<id>.json}.
 * The words live in the message bundles under {@code words}; answers are stored with the definition's id,
 * version and the question id, so old answers keep their meaning when the questions change.
 */
@Serdeable
public record FormDefinition(String id, int version, String ages, String words, boolean pictures, String note,
                             List<Question> questions) {

    /** The one question whose answer is the child's consent to share with the forum. */
    public static final String SHARE_QUESTION = "share-with-forum";

    public FormDefinition {
        questions = List.copyOf(questions);
    }

    /**
     * A question: {@code text} (the child's own words), {@code faces} (happy/ok/sad/worried), {@code choice}
     * (one of the options) or {@code pictures} (any of the options, each drawn, with an optional "tell a
     * grown-up" text box; stored as {@link PictureAnswer}). The type names the {@link QuestionKind} that checks
     * and words the answer.
     */
    @Serdeable
    public record Question(String id, String type, List<String> options) {

        public static final List<String> FACES = ChoiceQuestion.FACES.options();

        public Question {
            options = options == null ? List.of() : List.copyOf(options);
            QuestionKind.of(type, options); // an unknown type stops the definition loading
        }

        /** How this question's answer is read, checked and worded. */
        QuestionKind kind() {
            return QuestionKind.of(type, options);
        }

        /** The answers a child may give (none for a text question). */
        public List<String> allowed() {
            return kind().allowed();
        }

        public boolean isText() {
            return kind() instanceof TextQuestion;
        }

        public boolean isPictures() {
            return kind() instanceof PicturesQuestion;
        }
    }

    /** 1-based. */
    public Optional<Question> question(int number) {
        return number >= 1 && number <= questions.size() ? Optional.of(questions.get(number - 1)) : Optional.empty();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
