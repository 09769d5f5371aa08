package org.myview.listened;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormResult;

/**
 * One follow-up question's page as posted: the answer (a choice or the words), which button was pressed
 * ({@code skip} is "I'd rather not say") and {@code return=check} when the page was opened from the check page.
 * The answer is kept as typed, so the page shown again holds exactly what was sent; its question's kind cleans it.
 */
@Serdeable
record ListenedAnswerForm(@Nullable String answer, @Nullable String action, @Nullable @JsonProperty("return") String returnTo) {

    boolean declined() {
        return "skip".equals(action);
    }

    boolean fromCheck() {
        return "check".equals(returnTo);
    }

    /** What the page shows again when the answer is refused. */
    String typed() {
        return answer == null ? "" : answer;
    }

    /** The value to store for this question (null: nothing), or the answer's error. */
    FormResult<String> check(ListenedQuestions.Question question) {
        return question.kind().check(answer, declined());
    }
}
