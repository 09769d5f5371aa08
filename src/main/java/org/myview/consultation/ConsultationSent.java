package org.myview.consultation;

import java.util.List;

/**
 * Published when a child's consultation form has been stored, inside the transaction that stored it,
 * so a listener's writes (the forum's moderation queue) commit or roll back with the submission.
 * Carries no name, age, date, review or officer: only what a listener may keep.
 *
 * @param consultationId the stored submission
 * @param shareWithForum the child said yes to "Can we share what you said, without your name, with Reach Out!?"
 * @param writtenAnswers the child's own words (free-text answers), in question order
 */
public record ConsultationSent(long consultationId, boolean shareWithForum, List<WrittenAnswer> writtenAnswers) {

    public ConsultationSent {
        writtenAnswers = List.copyOf(writtenAnswers);
    }

    /** One free-text answer, with the question as the child saw it. */
    public record WrittenAnswer(String questionId, String question, String text) {
    }
}
