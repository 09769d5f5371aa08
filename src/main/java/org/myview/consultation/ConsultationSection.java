package org.myview.consultation;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.myview.review.Review;
import org.myview.review.ReviewPageSection;
import org.myview.staff.StaffUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The review page's My Review My View part: concerns first, the link, and the child's answers once sent. */
@Order(10)
@Singleton
record ConsultationSection(ConsultationService service, FormWords words, ConcernService concerns) implements ReviewPageSection {

    @Override
    public Optional<Section> sectionFor(Review review, StaffUser user) {
        ConsultationService.StaffView view = service.staffView(user, review);
        Map<String, Object> model = new HashMap<>();
        model.put("reviewId", review.id());
        model.put("link", view.link());
        model.put("answersSoFar", view.answersSoFar());
        model.put("questionsInForm", view.questionsInForm());
        model.put("sent", view.sent());
        model.put("concerns", concerns.forReview(review.id()));
        if (view.sent() != null && view.sent().answersErasedAt() != null) {
            model.put("rows", List.of());
            model.put("definition", view.definition());
        } else if (view.sent() != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AnswerRows.Row row : AnswerRows.of(view.definition(), view.answers(), words, view.privateAnswerHidden(), Locale.UK).rows()) {
                Map<String, Object> shown = new HashMap<>();
                shown.put("title", row.title());
                shown.put("privateHidden", row.privateHidden());
                shown.put("declined", row.declined());
                shown.put("answer", row.answer());
                rows.add(shown);
            }
            model.put("rows", rows);
            model.put("definition", view.definition());
            model.put("caseFile", CaseFileService.mayFile(user, review));
        }
        return Optional.of(new Section("consultation/section", model));
    }

    /** Children who asked to talk to someone now and whose concern nobody has closed: the officer's own, or all for a manager. */
    @Override
    public Optional<Section> listSectionFor(StaffUser user) {
        List<ConcernRepository.Row> open = concerns.openFor(user);
        return open.isEmpty() ? Optional.empty() : Optional.of(new Section("consultation/concerns",
                Map.of("concerns", ConcernController.withAges(open, concerns.now()))));
    }

    @Override
    public Optional<String> participationHintKey(Review review) {
        return service.formSent(review.id()) ? Optional.of("consultation.staff.pn6Hint") : Optional.empty();
    }
}
