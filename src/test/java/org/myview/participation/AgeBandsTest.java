package org.myview.participation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgeBandsTest {

    private static final AgeBands DEFAULTS = AgeBands.defaults();

    @Test
    void theDefaultBandsAreUnderFourFourToSevenEightToElevenTwelveToFifteenAndSixteenPlus() {
        assertEquals(List.of(
                new AgeBand("under-4", "Under 4", 0, 3),
                new AgeBand("4-7", "4-7", 4, 7),
                new AgeBand("8-11", "8-11", 8, 11),
                new AgeBand("12-15", "12-15", 12, 15),
                new AgeBand("16-plus", "16+", 16, null)), DEFAULTS.bands());
    }

    @Test
    void theDefaultsAreTheSettingZeroFourEightTwelveSixteen() {
        assertEquals(DEFAULTS, AgeBands.parse("0,4,8,12,16"));
        assertEquals(List.of(0, 4, 8, 12, 16), DEFAULTS.lowerBounds());
    }

    @Test
    void aChildOfThreeIsUnderFourAndAChildOfFourIsInFourToSeven() {
        assertEquals("Under 4", DEFAULTS.bandFor(3).label());
        assertEquals("4-7", DEFAULTS.bandFor(4).label());
    }

    @Test
    void eachBandHoldsItsFirstAndLastAge() {
        assertEquals("Under 4", DEFAULTS.bandFor(0).label());
        assertEquals("4-7", DEFAULTS.bandFor(7).label());
        assertEquals("8-11", DEFAULTS.bandFor(8).label());
        assertEquals("8-11", DEFAULTS.bandFor(11).label());
        assertEquals("12-15", DEFAULTS.bandFor(12).label());
        assertEquals("12-15", DEFAULTS.bandFor(15).label());
        assertEquals("16+", DEFAULTS.bandFor(16).label());
    }

    @Test
    void theTopBandHasNoUpperAgeSoCareLeaversAreCounted() {
        assertEquals("16+", DEFAULTS.bandFor(25).label());
        assertEquals("16+", DEFAULTS.bandFor(Integer.MAX_VALUE).label());
    }

    @Test
    void everyAgeFallsInExactlyOneBand() {
        for (AgeBands bands : List.of(DEFAULTS, AgeBands.parse("0,4,8,13"), AgeBands.parse("0,1,2,3"))) {
            for (int age = 0; age <= 30; age++) {
                int theAge = age;
                long holding = bands.bands().stream().filter(band -> band.contains(theAge)).count();
                assertEquals(1, holding, () -> bands + " at age " + theAge);
                assertTrue(bands.bandFor(age).contains(age));
            }
        }
    }

    @Test
    void aNegativeAgeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.bandFor(-1));
    }

    @Test
    void anotherAuthoritysBandsEightToTwelveAndThirteenPlusCanBeSet() {
        AgeBands bands = AgeBands.parse("0, 4, 8, 13");
        assertEquals(List.of("Under 4", "4-7", "8-12", "13+"), labels(bands));
        assertEquals("8-12", bands.bandFor(12).label());
        assertEquals("13+", bands.bandFor(13).label());
    }

    @Test
    void aBandOfOneYearIsLabelledWithThatYear() {
        AgeBands bands = AgeBands.parse("0,4,5");
        assertEquals(List.of("Under 4", "4", "5+"), labels(bands));
        assertEquals(new AgeBand("4", "4", 4, 4), bands.bandFor(4));
    }

    @Test
    void aSingleBandIsAllAges() {
        AgeBands bands = AgeBands.parse("0");
        assertEquals(List.of(new AgeBand("all-ages", "All ages", 0, null)), bands.bands());
        assertEquals("All ages", bands.bandFor(17).label());
    }

    @Test
    void bandsFromAListMatchBandsFromTheSetting() {
        assertEquals(AgeBands.parse("0,5,11"), AgeBands.of(List.of(0, 5, 11)));
        assertNotEquals(AgeBands.parse("0,5,11"), AgeBands.parse("0,5,12"));
        assertEquals(AgeBands.parse("0,5,11").hashCode(), AgeBands.of(List.of(0, 5, 11)).hashCode());
    }

    @Test
    void theSettingRoundTripsThroughToString() {
        assertEquals("0,4,8,12,16", DEFAULTS.toString());
        assertEquals(AgeBands.parse(" 0 ,3,10 "), AgeBands.parse(AgeBands.parse(" 0 ,3,10 ").toString()));
    }

    @Test
    void bandKeysAreSafeInUrlsAndHtmlIds() {
        for (AgeBand band : AgeBands.parse("0,1,4,8,12,16").bands()) {
            assertTrue(band.key().matches("[a-z0-9-]+"), band.key());
        }
    }

    @Test
    void bandsMustStartAtZero() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AgeBands.parse("4,8,12"));
        assertEquals("Age bands must start at 0, for example 0,4,8,12,16", error.getMessage());
    }

    @Test
    void bandsMustStrictlyIncrease() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> AgeBands.parse("0,4,4,12"));
        assertTrue(error.getMessage().contains("4 comes after 4"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AgeBands.parse("0,8,4"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "0,", ",0", "0,,4", "0;4;8", "0,four", "0,-4", "0,4.5", "0,1000"})
    void aSettingThatIsNotAListOfWholeAgesIsRefused(String setting) {
        assertThrows(IllegalArgumentException.class, () -> AgeBands.parse(setting));
    }

    @Test
    void aListWithAGapOrNothingInItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgeBands.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> AgeBands.of(Arrays.asList(0, null, 8)));
        assertThrows(IllegalArgumentException.class, () -> AgeBands.of(Arrays.asList((Integer) null)));
    }

    @Test
    void changingTheListAfterwardsDoesNotChangeTheBands() {
        List<Integer> bounds = new java.util.ArrayList<>(List.of(0, 4, 8));
        AgeBands bands = AgeBands.of(bounds);
        bounds.set(1, 5);
        assertEquals("4-7", bands.bandFor(4).label());
        assertThrows(UnsupportedOperationException.class, () -> bands.bands().clear());
    }

    @Test
    void anOpenBandContainsEverythingFromItsStart() {
        AgeBand open = new AgeBand("16-plus", "16+", 16, null);
        assertFalse(open.contains(15));
        assertTrue(open.contains(16));
        assertTrue(open.contains(99));
    }

    private static List<String> labels(AgeBands bands) {
        return bands.bands().stream().map(AgeBand::label).toList();
    }
}
