package org.myview.consultation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PictureAnswerTest {

    private static final List<String> PEOPLE = List.of("mum", "dad", "pets");

    @Test
    void picturesAndWordsToldToAGrownUpAreKeptAsTheyWere() {
        PictureAnswer answer = new PictureAnswer(List.of("mum", "pets"), "My cat is called\nTiger");
        assertEquals(answer, PictureAnswer.parse(answer.stored()));
        assertEquals("mum pets\nMy cat is called\nTiger", answer.stored());
    }

    @Test
    void wordsAloneWithoutAPictureAreAnAnswer() {
        PictureAnswer answer = new PictureAnswer(List.of(), "Nan");
        assertEquals(answer, PictureAnswer.parse(answer.stored()));
        assertEquals(Optional.empty(), answer.problem(PEOPLE, 10));
    }

    @Test
    void nothingTickedAndNothingToldIsRefused() {
        assertEquals(Optional.of("consultation.question.errorPictures"), new PictureAnswer(List.of(), " ").problem(PEOPLE, 10));
    }

    @Test
    void aPictureTheQuestionDoesNotOfferIsRefused() {
        assertEquals(Optional.of("consultation.question.errorPictures"), new PictureAnswer(List.of("unicorn"), "").problem(PEOPLE, 10));
    }

    @Test
    void tooManyWordsAreRefused() {
        assertEquals(Optional.of("consultation.question.tooLong"), new PictureAnswer(List.of("mum"), "x".repeat(11)).problem(PEOPLE, 10));
        assertEquals(Optional.empty(), new PictureAnswer(List.of("mum"), "x".repeat(10)).problem(PEOPLE, 10));
    }

    @Test
    void onlyOfferedPicturesAreReadFromThePostedForm() {
        assertEquals(List.of("mum", "pets"), PictureAnswer.picksFrom(Map.of("pick.pets", "yes", "pick.mum", "yes", "pick.x", "yes"), PEOPLE));
    }
}
