package org.myview.staff;

import org.junit.jupiter.api.Test;
import org.myview.web.FormResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in form says only what is missing; whether the pair is right is the sign-in service's question. */
class SignInFormTest {

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void bothFieldsAreKeptExactlyAsTyped() {
        FormResult<SignInForm.Credentials> result = new SignInForm(" ruth.example ", " pass word ").check();
        assertTrue(result.isValid());
        assertEquals(new SignInForm.Credentials(" ruth.example ", " pass word "), result.value(), "nothing is trimmed");
    }

    @Test
    void nothingSentIsBothMissingUsernameFirst() {
        assertEquals(List.of("username:staff.signIn.error.usernameMissing", "password:staff.signIn.error.passwordMissing"),
                keys(new SignInForm(null, null).check()));
    }

    @Test
    void spacesAreNoUsernameButAreAPassword() {
        assertEquals(List.of("username:staff.signIn.error.usernameMissing"), keys(new SignInForm("   ", "x").check()));
        assertTrue(new SignInForm("ruth", " ").check().isValid(), "a password is not checked for blanks here");
        assertEquals(List.of("password:staff.signIn.error.passwordMissing"), keys(new SignInForm("ruth", "").check()));
    }

    @Test
    void aUsernameOf100CharactersIsShownAgainAnd101IsNot() {
        assertEquals("r".repeat(100), new SignInForm("r".repeat(100), "").shownUsername());
        assertEquals("", new SignInForm("r".repeat(101), "").shownUsername());
    }
}
