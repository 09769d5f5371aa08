package org.myview.support;

import org.junit.jupiter.api.Test;
import org.myview.support.BrowserAvailable.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Browser tests run where Chromium is, skip where it is not, and never skip on CI. */
class BrowserAvailableTest {

    @Test
    void withChromiumInstalledBrowserTestsRunEverywhere() {
        assertEquals(Outcome.RUN, BrowserAvailable.decide(true, null));
        assertEquals(Outcome.RUN, BrowserAvailable.decide(true, "true"));
    }

    @Test
    void withoutChromiumOnADevelopersMachineBrowserTestsAreSkipped() {
        assertEquals(Outcome.SKIP, BrowserAvailable.decide(false, null));
        assertEquals(Outcome.SKIP, BrowserAvailable.decide(false, ""));
        assertEquals(Outcome.SKIP, BrowserAvailable.decide(false, "false"));
    }

    @Test
    void withoutChromiumOnCiBrowserTestsFailRatherThanHideABrokenTest() {
        assertEquals(Outcome.FAIL, BrowserAvailable.decide(false, "true"));
        assertEquals(Outcome.FAIL, BrowserAvailable.decide(false, "TRUE"));
    }
}
