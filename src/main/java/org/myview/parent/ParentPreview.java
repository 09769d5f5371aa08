package org.myview.parent;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import org.myview.web.PreviewQuestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parent's form's questions in a language, for the staff preview of a translation (languages/): no link, nothing stored. */
@Singleton
public record ParentPreview(MessageSource messages) {

    public List<PreviewQuestion> questions(Locale locale) {
        String plan = word("parent.planName.CP", locale);
        List<PreviewQuestion> shown = new ArrayList<>();
        List<ParentQuestions.Question> questions = ParentQuestions.FIRST;
        for (int i = 0; i < questions.size(); i++) {
            ParentQuestions.Question q = questions.get(i);
            String base = "parent.q." + q.name();
            List<PreviewQuestion.Option> options = new ArrayList<>(q.options().stream()
                    .map(o -> new PreviewQuestion.Option(word(base + ".option." + o, locale), null)).toList());
            if (q.textName() != null) {
                options.add(new PreviewQuestion.Option(word("parent.q." + q.textName() + ".label", locale), null));
            }
            String hint = q.isText() ? messages.getMessage("parent.form.textHint", locale, java.util.Map.of("0", "1,000")).orElse(null)
                    : word(base + ".hint", locale);
            shown.add(new PreviewQuestion(i + 1, messages.getMessage(base + ".title", locale, java.util.Map.of("0", plan)).orElse(base),
                    hint, options));
        }
        return shown;
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, locale).orElse(key);
    }
}
