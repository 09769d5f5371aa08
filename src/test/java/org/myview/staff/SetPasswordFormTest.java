package org.myview.staff;

import org.junit.jupiter.api.Test;
import org.myview.web.FieldError;
import org.myview.web.FormResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Set your password": the policy on the first field, then the same password again on the second. */
class SetPasswordFormTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final String GOOD = "correct horse battery 42";

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void aGoodPasswordTypedTwiceIsSetExactlyAsTyped() {
        FormResult<String> result = new SetPasswordForm(" " + GOOD + " ", " " + GOOD + " ").check(POLICY, "ruth.example");
        assertTrue(result.isValid());
        assertEquals(" " + GOOD + " ", result.value(), "spaces are part of a password");
    }

    @Test
    void nothingTypedIsMissingOnThePasswordField() {
        assertEquals(List.of("password:staff.password.error.missing"), keys(new SetPasswordForm(null, null).check(POLICY, "ruth")));
    }

    @Test
    void elevenCharactersIsTooShortAndTwelveIsEnough() {
        assertEquals(List.of("password:staff.password.error.tooShort"), keys(new SetPasswordForm("kq8-vz3!mw7", "kq8-vz3!mw7").check(POLICY, "ruth")));
        assertTrue(new SetPasswordForm("kq8-vz3!mw7p", "kq8-vz3!mw7p").check(POLICY, "ruth").isValid());
    }

    @Test
    void twoHundredAndFiftySixCharactersIsTheLongest() {
        String longest = "kq8-vz3!mw7p".repeat(21) + "abcd";
        assertEquals(256, longest.length());
        assertTrue(new SetPasswordForm(longest, longest).check(POLICY, "ruth").isValid());
        assertEquals(List.of("password:staff.password.error.tooLong"), keys(new SetPasswordForm(longest + "x", longest + "x").check(POLICY, "ruth")));
    }

    @Test
    void theMinimumLengthIsGivenToTheMessage() {
        FieldError error = new SetPasswordForm("short", "short").check(POLICY, "ruth").errors().first().orElseThrow();
        assertArrayEquals(new Object[]{PasswordPolicy.MINIMUM_LENGTH}, error.args());
    }

    @Test
    void aCommonPasswordOrOneWithTheUsernameIsRefused() {
        assertEquals(List.of("password:staff.password.error.common"), keys(new SetPasswordForm("password1234", "password1234").check(POLICY, "ruth")));
        assertEquals(List.of("password:staff.password.error.containsUsername"),
                keys(new SetPasswordForm("ruth.example-42-xq", "ruth.example-42-xq").check(POLICY, "ruth.example")));
    }

    @Test
    void twoDifferentPasswordsAreAMismatchOnTheSecondField() {
        FormResult<String> result = new SetPasswordForm(GOOD, GOOD + "!").check(POLICY, "ruth");
        assertEquals(List.of("confirmPassword:staff.password.error.mismatch"), keys(result));
        assertNull(result.value());
        assertEquals(List.of("confirmPassword:staff.password.error.mismatch"), keys(new SetPasswordForm(GOOD, null).check(POLICY, "ruth")));
    }

    @Test
    void aBadPasswordIsTheOnlyErrorEvenWhenTheSecondDiffers() {
        assertEquals(List.of("password:staff.password.error.tooShort"), keys(new SetPasswordForm("short", "other").check(POLICY, "ruth")));
    }
}
