package org.myview.participation;

import org.junit.jupiter.api.Test;
import org.myview.disclosure.DisclosureControl;
import org.myview.disclosure.DisclosureControl.Cell;
import org.myview.disclosure.DisclosureControl.ProtectedTable;
import org.myview.disclosure.PublishedFiguresAttack;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewing officer's view of the whole service, attacked as that officer would: take their own exact counts away
 * from every shown service count, then try to solve for the hidden counts of other officers' children
 * ({@link PublishedFiguresAttack}: exact linear algebra and whole-number search). No count from 1 to 5 about
 * other officers' children may come out.
 */
class ServiceComparisonTest {

    @Test
    void oneOtherChildInAQuarterIsHiddenAndCannotBeWorkedOut() {
        // The "0/1": one review by another officer in June, PN1, in a service where this officer holds many.
        int[][] service = new int[4][8];
        int[][] own = new int[4][8];
        for (int[] row : own) {
            row[1] = 20;
            row[6] = 12;
        }
        for (int q = 0; q < 4; q++) {
            service[q] = own[q].clone();
        }
        service[0][1] += 1;
        ProtectedTable shown = ServiceComparison.protect(service, own);
        assertTrue(shown.cell(0, 1).isSuppressed(), shown.toString());
        assertTrue(shown.rowTotal(0).isSuppressed() || shown.columnTotal(1).isSuppressed(), shown.toString());
        assertNoLeak(service, own, shown);
    }

    @Test
    void theOfficersOwnChildrenAloneAreShownExactly() {
        // Nobody else's reviews: service = own, so every figure is shown, small ones too (the officer knows them).
        int[][] own = {{3, 0, 2, 0, 0, 1, 0, 0}, {0, 4, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0}, {1, 1, 0, 0, 0, 0, 0, 0}};
        ProtectedTable shown = ServiceComparison.protect(own, own);
        assertEquals(0, shown.suppressedCount(), shown.toString());
        assertEquals("3", shown.cell(0, 0).display());
    }

    @Test
    void fiveHundredRandomServicesSeenByOneOfTheirOfficers() {
        Random random = new Random(4);
        int hidden = 0;
        for (int round = 0; round < 500; round++) {
            int rows = 4;
            int columns = round % 5 == 0 ? 8 : 3 + random.nextInt(3);
            int[][] own = new int[rows][columns];
            int[][] service = new int[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    own[r][c] = random.nextInt(3) == 0 ? 0 : random.nextInt(8);
                    int kind = random.nextInt(4);
                    int others = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(5) : 6 + random.nextInt(25);
                    service[r][c] = own[r][c] + others;
                }
            }
            ProtectedTable shown = ServiceComparison.protect(service, own);
            hidden += shown.suppressedCount();
            assertNoLeak(service, own, shown);
        }
        assertTrue(hidden > 1000, "the random services must be full of hidden counts, or they test nothing: " + hidden);
    }

    /** What the officer can compute: every shown service count less their own. That must leak nothing. */
    private static void assertNoLeak(int[][] service, int[][] own, ProtectedTable shown) {
        int[][] ownGrid = DisclosureControl.withTotals(own);
        int[][] othersTruth = new int[service.length][service[0].length];
        for (int r = 0; r < service.length; r++) {
            for (int c = 0; c < service[0].length; c++) {
                othersTruth[r][c] = service[r][c] - own[r][c];
            }
        }
        int[][] seen = new int[ownGrid.length][ownGrid[0].length];
        List<List<Cell>> grid = shown.withTotals();
        for (int r = 0; r < seen.length; r++) {
            for (int c = 0; c < seen[0].length; c++) {
                Cell cell = grid.get(r).get(c);
                seen[r][c] = cell.isSuppressed() ? 0 : cell.count().getAsInt() - ownGrid[r][c];
            }
        }
        ProtectedTable othersAsSeen = DisclosureControl.restore(seen, shown.hiddenGrid(), DisclosureControl.DEFAULT_THRESHOLD);
        List<PublishedFiguresAttack.Leak> leaks = new PublishedFiguresAttack(List.<int[][]>of(othersTruth),
                List.of(othersAsSeen), DisclosureControl.DEFAULT_THRESHOLD).leaks();
        assertEquals(List.of(), leaks, "service\n" + Arrays.deepToString(service) + "\nown\n" + Arrays.deepToString(own)
                + "\nshown\n" + shown);
    }
}
