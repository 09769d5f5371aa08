package org.myview.consultation;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the child's form, without the service: versions by age, link expiry, the definitions. */
class ConsultationRulesTest {

    @Test
    void theVersionFollowsTheChildsAgeOnTheReviewDate() {
        assertEquals(0, FormDefinitions.ageGroup(4), "4th birthday: pictures");
        assertEquals(0, FormDefinitions.ageGroup(7), "still 7: pictures");
        assertEquals(1, FormDefinitions.ageGroup(8), "8th birthday: 8-11");
        assertEquals(1, FormDefinitions.ageGroup(11));
        assertEquals(2, FormDefinitions.ageGroup(12), "12th birthday: 12+");
        assertEquals(2, FormDefinitions.ageGroup(17));
    }

    @Test
    void everyDefinitionLoadsHasUniqueQuestionIdsKnownTypesAndTheConsentQuestion() {
        FormDefinitions definitions = new FormDefinitions(JsonMapper.createDefault());
        assertEquals(3, definitions.all().size());
        for (FormDefinition definition : definitions.all()) {
            Set<String> ids = new HashSet<>();
            for (FormDefinition.Question question : definition.questions()) {
                assertTrue(ids.add(question.id()), definition.id() + " repeats " + question.id());
                assertTrue(Set.of("text", "faces", "choice", "pictures").contains(question.type()), question.type());
                assertTrue(!question.isPictures() || definition.pictures(), "picture questions only where the version draws them");
                assertTrue(question.isText() || !question.allowed().isEmpty(), question.id() + " has no answers to choose");
            }
            FormDefinition.Question consent = definition.question(FormDefinition.SHARE_QUESTION).orElseThrow();
            assertEquals(java.util.List.of("yes", "no"), consent.allowed());
            assertTrue(definition.version() >= 1);
        }
        assertTrue(definitions.forAge(5).pictures(), "the youngest answer with pictures");
        assertEquals("consultation-12-plus", definitions.forAge(15).id());
    }

    @Test
    void aLinkWorksUntilTheEndOfTheReviewDayInLondonAndAtLeastADay() {
        ConsultationSettings settings = new ConsultationSettings(0, 1, 90);
        // Summer time: the end of 10 June in London is 23:00 UTC.
        assertEquals(Instant.parse("2026-06-10T23:00:00Z"),
                LinkExpiry.of(LocalDate.of(2026, 6, 10), Instant.parse("2026-06-01T09:00:00Z"), settings));
        // Winter: midnight UTC.
        assertEquals(Instant.parse("2026-12-11T00:00:00Z"),
                LinkExpiry.of(LocalDate.of(2026, 12, 10), Instant.parse("2026-12-01T09:00:00Z"), settings));
        // Made on the review day, in the evening: still a whole day to answer.
        assertEquals(Instant.parse("2026-12-11T20:00:00Z"),
                LinkExpiry.of(LocalDate.of(2026, 12, 10), Instant.parse("2026-12-10T20:00:00Z"), settings));
        // Configured to last two days after the review.
        assertEquals(Instant.parse("2026-12-13T00:00:00Z"),
                LinkExpiry.of(LocalDate.of(2026, 12, 10), Instant.parse("2026-12-01T09:00:00Z"), new ConsultationSettings(2, 1, 90)));
    }
}
