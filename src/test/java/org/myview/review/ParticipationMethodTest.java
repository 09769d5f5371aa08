package org.myview.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myview.review.ParticipationMethod.PN0;
import static org.myview.review.ParticipationMethod.PN1;
import static org.myview.review.ParticipationMethod.PN2;
import static org.myview.review.ParticipationMethod.PN3;
import static org.myview.review.ParticipationMethod.PN4;
import static org.myview.review.ParticipationMethod.PN5;
import static org.myview.review.ParticipationMethod.PN6;
import static org.myview.review.ParticipationMethod.PN7;

class ParticipationMethodTest {

    @Test
    void theCodesArePn0ToPn7InOrderAsTheDatabaseAccepts() {
        assertEquals(List.of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"),
                Arrays.stream(ParticipationMethod.values()).map(Enum::name).toList());
    }

    @Test
    void officialWordingIsTheDfeDefinition() {
        assertEquals("Child aged under 4 at the time of the review", PN0.officialWording());
        assertEquals("Child physically attends and speaks for him or herself (attendance)", PN1.officialWording());
        assertEquals("Child physically attends and an advocate speaks on his or her behalf (views represented by "
                + "advocate or IRO)", PN2.officialWording());
        assertEquals("Child attends and conveys his or her view symbolically (non-verbally)", PN3.officialWording());
        assertEquals("Child physically attends but does not speak, does not convey views symbolically and does not "
                + "ask an advocate to speak (attendance without contribution)", PN4.officialWording());
        assertEquals("Child does not attend physically but briefs an advocate to speak for him or her (text, "
                + "written, phone, audio/video, consultation form)", PN5.officialWording());
        assertEquals("Child does not attend but conveys his or her feelings to the review by a facilitative medium "
                + "(text to the chair, written, phone, audio/video, consultation form)", PN6.officialWording());
        assertEquals("Child does not attend nor are his or her views conveyed to the review", PN7.officialWording());
    }

    @Test
    void staffSeeShortPlainLabels() {
        assertEquals("Came to the review and spoke for themselves", PN1.label());
        for (ParticipationMethod method : ParticipationMethod.values()) {
            assertTrue(method.label().length() <= 90, method + " label is too long for a radio button");
            assertFalse(method.label().matches(".*\\bPN\\d.*"), method + " label should not use the code");
        }
    }

    @Test
    void everyLabelIsDifferentSoNoTwoRadiosLookAlike() {
        Set<String> labels = Arrays.stream(ParticipationMethod.values())
                .map(ParticipationMethod::label).collect(Collectors.toSet());
        assertEquals(ParticipationMethod.values().length, labels.size());
    }

    @Test
    void pn1ToPn4AreTheChildAttending() {
        assertEquals(EnumSet.of(PN1, PN2, PN3, PN4), only(ParticipationMethod::attended));
    }

    @Test
    void pn4DoesNotCountAsParticipationByDefault() {
        assertEquals(EnumSet.of(PN1, PN2, PN3, PN5, PN6), only(method -> method.countsAsParticipation(false)));
    }

    @Test
    void pn4CountsAsParticipationWhenTheSettingSaysSo() {
        assertEquals(EnumSet.of(PN1, PN2, PN3, PN4, PN5, PN6), only(method -> method.countsAsParticipation(true)));
    }

    @Test
    void underFourAndNoViewsConveyedNeverCountAsParticipation() {
        for (boolean pn4Counts : new boolean[] {false, true}) {
            assertFalse(PN0.countsAsParticipation(pn4Counts));
            assertFalse(PN7.countsAsParticipation(pn4Counts));
        }
    }

    @Test
    void onlyPn0IsForAChildUnderFour() {
        assertEquals(EnumSet.of(PN0), only(ParticipationMethod::forUnderFour));
    }

    @ParameterizedTest
    @EnumSource(ParticipationMethod.class)
    void eachCodeParsesFromItsUpperCaseName(ParticipationMethod method) {
        assertEquals(Optional.of(method), ParticipationMethod.parse(method.name()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"pn1", "Pn1", "pN1", " PN1", "PN1 ", "PN8", "PN-1", "PN", "P1", "1", "PN01", "PN１"})
    void lowerCasePaddedOrUnknownCodesAreInvalidAsInRule167(String text) {
        assertEquals(Optional.empty(), ParticipationMethod.parse(text));
    }

    private static Set<ParticipationMethod> only(Predicate<ParticipationMethod> test) {
        return Arrays.stream(ParticipationMethod.values()).filter(test)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ParticipationMethod.class)));
    }
}
