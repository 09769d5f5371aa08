package org.myview.review;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildAgeTest {

    private static final LocalDate BORN = LocalDate.of(2020, 6, 15);

    @Test
    void fourthBirthdayCountsAsFour() {
        assertEquals(4, ChildAge.yearsOn(BORN, LocalDate.of(2024, 6, 15)));
        assertFalse(ChildAge.isUnderFour(BORN, LocalDate.of(2024, 6, 15)));
    }

    @Test
    void theDayBeforeTheFourthBirthdayIsStillThree() {
        assertEquals(3, ChildAge.yearsOn(BORN, LocalDate.of(2024, 6, 14)));
        assertTrue(ChildAge.isUnderFour(BORN, LocalDate.of(2024, 6, 14)));
    }

    @Test
    void theDayOfBirthIsAgeNought() {
        assertEquals(0, ChildAge.yearsOn(BORN, BORN));
        assertTrue(ChildAge.isUnderFour(BORN, BORN));
    }

    @Test
    void ageCountsCompletedYearsNotCalendarYears() {
        // Born in June, reviewed in January: the calendar year has changed but no birthday has passed.
        assertEquals(3, ChildAge.yearsOn(BORN, LocalDate.of(2024, 1, 10)));
        assertEquals(17, ChildAge.yearsOn(BORN, LocalDate.of(2038, 6, 14)));
        assertEquals(18, ChildAge.yearsOn(BORN, LocalDate.of(2038, 6, 15)));
    }

    @Test
    void aLeapDayChildIsStillThreeOn28FebruaryOfACommonYear() {
        LocalDate leapDay = LocalDate.of(2020, 2, 29);
        assertEquals(3, ChildAge.yearsOn(leapDay, LocalDate.of(2024, 2, 28)));
    }

    @Test
    void aLeapDayChildTurnsFourOn29FebruaryInALeapYear() {
        LocalDate leapDay = LocalDate.of(2020, 2, 29);
        assertEquals(4, ChildAge.yearsOn(leapDay, LocalDate.of(2024, 2, 29)));
        assertFalse(ChildAge.isUnderFour(leapDay, LocalDate.of(2024, 2, 29)));
    }

    @Test
    void aLeapDayChildTurnsAYearOlderOn1MarchInACommonYear() {
        LocalDate leapDay = LocalDate.of(2016, 2, 29);
        assertEquals(4, ChildAge.yearsOn(leapDay, LocalDate.of(2020, 2, 29)));
        assertEquals(4, ChildAge.yearsOn(leapDay, LocalDate.of(2021, 2, 28)));
        assertEquals(5, ChildAge.yearsOn(leapDay, LocalDate.of(2021, 3, 1)));
    }

    @Test
    void aLeapDayChildBornIn2020IsUnderFourUntil29February2024() {
        LocalDate leapDay = LocalDate.of(2020, 2, 29);
        assertTrue(ChildAge.isUnderFour(leapDay, LocalDate.of(2024, 2, 28)));
        assertFalse(ChildAge.isUnderFour(leapDay, LocalDate.of(2024, 2, 29)));
    }

    @Test
    void aLeapDayChildIsOneOn1March2021NotOn28February() {
        LocalDate leapDay = LocalDate.of(2020, 2, 29);
        assertEquals(0, ChildAge.yearsOn(leapDay, LocalDate.of(2021, 2, 28)));
        assertEquals(1, ChildAge.yearsOn(leapDay, LocalDate.of(2021, 3, 1)));
    }

    @Test
    void aChildBorn1MarchIsNotAffectedByTheLeapDayBefore() {
        LocalDate firstMarch = LocalDate.of(2020, 3, 1);
        assertEquals(3, ChildAge.yearsOn(firstMarch, LocalDate.of(2024, 2, 29)));
        assertEquals(4, ChildAge.yearsOn(firstMarch, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void aChildBorn1MarchInACommonYearIsNotAYearOlderOn29FebruaryOfALeapYear() {
        // Counting days of the year would get this wrong: both dates are the 60th day of their year.
        LocalDate firstMarch = LocalDate.of(2019, 3, 1);
        assertEquals(4, ChildAge.yearsOn(firstMarch, LocalDate.of(2024, 2, 29)));
        assertEquals(5, ChildAge.yearsOn(firstMarch, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void birthdaysAtTheTurnOfTheYearCountFromTheDayItself() {
        LocalDate newYearsEve = LocalDate.of(2019, 12, 31);
        assertEquals(3, ChildAge.yearsOn(newYearsEve, LocalDate.of(2023, 12, 30)));
        assertEquals(4, ChildAge.yearsOn(newYearsEve, LocalDate.of(2023, 12, 31)));
        LocalDate newYearsDay = LocalDate.of(2020, 1, 1);
        assertEquals(3, ChildAge.yearsOn(newYearsDay, LocalDate.of(2023, 12, 31)));
        assertEquals(4, ChildAge.yearsOn(newYearsDay, LocalDate.of(2024, 1, 1)));
    }

    @Test
    void agreesWithThePeriodBetweenTheDatesForEveryDayOfALeapCycle() {
        // java.time's Period also moves a 29 February birthday to 1 March, so it is an independent check.
        LocalDate fourYearsLater = LocalDate.of(2016, 1, 1);
        for (LocalDate birth = LocalDate.of(2012, 1, 1); birth.isBefore(fourYearsLater); birth = birth.plusDays(1)) {
            for (int years = 3; years <= 5; years++) {
                LocalDate birthday = birth.plusYears(years);
                for (LocalDate day : new LocalDate[] {birthday.minusDays(1), birthday, birthday.plusDays(1)}) {
                    LocalDate born = birth;
                    assertEquals(Period.between(birth, day).getYears(), ChildAge.yearsOn(birth, day),
                            () -> "born " + born + " on " + day);
                }
            }
        }
    }

    @Test
    void anAgeBeforeBirthIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ChildAge.yearsOn(BORN, BORN.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> ChildAge.isUnderFour(BORN, BORN.minusDays(1)));
    }

    @Test
    void missingDatesAreAnError() {
        assertThrows(NullPointerException.class, () -> ChildAge.yearsOn(null, BORN));
        assertThrows(NullPointerException.class, () -> ChildAge.yearsOn(BORN, null));
    }
}
