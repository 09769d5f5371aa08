package org.myview.consultation;

import java.util.Map;

/**
 * The one rule for raising an advocacy referral from a child's form: the child said yes to "Would you like an
 * advocate?" and yes to "Can we ask an advocate to get in touch with you?". Anything else (no, not sure,
 * "I'd rather not say", not answered, or a form version without the consent question) raises nothing.
 */
final class AdvocateConsent {

    static final String ADVOCATE = "advocate";
    static final String CONSENT = "advocate-consent";

    private AdvocateConsent() {
    }

    static boolean given(Map<String, ConsultationRepository.Answer> answers) {
        return yes(answers.get(ADVOCATE)) && yes(answers.get(CONSENT));
    }

    private static boolean yes(ConsultationRepository.Answer answer) {
        return answer != null && !answer.declined() && "yes".equals(answer.answer());
    }
}
