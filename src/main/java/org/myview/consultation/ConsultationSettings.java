package org.myview.consultation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * A child's link works until the end of the review day plus {@code daysAfterReview} (Europe/London), and
 * always for at least {@code minimumDays} from when it is created (a link made on the review day).
 * A sent form's answers are erased {@code answerRetentionDays} after the review (docs/runbook.md, "Retention").
 */
@ConfigurationProperties("myview.consultation")
public record ConsultationSettings(
        @Bindable(defaultValue = "0") int daysAfterReview,
        @Bindable(defaultValue = "1") int minimumDays,
        @Bindable(defaultValue = "90") int answerRetentionDays) {
}
