package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.web.PreviewQuestion;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The child's form's questions in a language, for the staff preview of a translation (languages/): no link, no journey. */
@Singleton
public record ConsultationPreview(FormDefinitions definitions, FormWords words) {

    /** An age version: its form id and ages ("4-7"). */
    public record Version(String id, String ages) {
    }

    public List<Version> versions() {
        return definitions.all().stream().map(d -> new Version(d.id(), d.ages())).toList();
    }

    /** Empty when there is no such version. */
    public List<PreviewQuestion> questions(String formId, Locale locale) {
        return definitions.find(formId).map(definition -> IntStream.rangeClosed(1, definition.questions().size())
                .mapToObj(n -> words.show(definition, n, locale))
                .map(q -> new PreviewQuestion(q.number(), q.title(), q.hint(),
                        q.options().stream().map(o -> new PreviewQuestion.Option(o.label(), o.picture())).toList()))
                .toList()).orElse(List.of());
    }
}
