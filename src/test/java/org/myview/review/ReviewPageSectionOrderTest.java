package org.myview.review;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The review page's sections come in one fixed order, whatever order the beans are found in. */
@MicronautTest(transactional = false)
class ReviewPageSectionOrderTest {

    @Inject
    List<ReviewPageSection> sections;

    @Test
    void theChildsOwnWordsComeFirstThenWhatOthersDid() {
        assertEquals(List.of("ConsultationSection", "ListenedSection", "ViewsReceivedSection", "AdvocacySection", "ReviewMovesSection"),
                sections.stream().map(ReviewPageSectionOrderTest::beanName).toList());
    }

    // A transactional section is a generated subclass ($ReviewMovesSection$Definition$Intercepted).
    private static String beanName(ReviewPageSection section) {
        return section.getClass().getSimpleName().replaceAll("^\\$|\\$Definition\\$Intercepted$", "");
    }
}
