package org.myview.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link BrowserTest} class when there is no Chromium, unless on CI, where that fails it.
 *
 * <p>The skip is a disabled condition rather than an assumption: Surefire reports a class whose
 * {@code @BeforeAll} assumption fails as "Tests run: 0", so nobody would see that it was skipped or
 * why; a disabled class is counted as skipped, with the reason below. It is also decided before the
 * application starts.
 */
public final class BrowserAvailable implements ExecutionCondition, BeforeAllCallback {

    public enum Outcome { RUN, SKIP, FAIL }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return outcome() == Outcome.SKIP
                ? ConditionEvaluationResult.disabled(missing() + "; browser tests skipped (on CI, with CI=true, they fail)")
                : ConditionEvaluationResult.enabled("Chromium installed, or on CI");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (outcome() == Outcome.FAIL) {
            Assertions.fail(missing() + ", and CI=true: on CI browser tests must run, not be skipped");
        }
    }

    /** Run when the browser is there; otherwise skip, except on CI (CI=true), where it fails. */
    public static Outcome decide(boolean installed, String ciVariable) {
        if (installed) {
            return Outcome.RUN;
        }
        return "true".equalsIgnoreCase(ciVariable == null ? "" : ciVariable.strip()) ? Outcome.FAIL : Outcome.SKIP;
    }

    private static Outcome outcome() {
        return decide(Browser.installed(), System.getenv("CI"));
    }

    private static String missing() {
        return "Chromium or ChromeDriver is not installed at " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                + " (apt-get install chromium chromium-driver, or set -Dmyview.browser.binary and -Dmyview.browser.driver)";
    }
}
