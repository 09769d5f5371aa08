package org.myview.staff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myview.web.FormResult;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Add a staff account" and "Save roles": what an administrator types and ticks. */
class AccountFormTest {

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    private static AccountForm form(String username, String name, String email, String... roles) {
        return new AccountForm(username, name, email, roles.length == 0 ? null : Arrays.asList(roles));
    }

    @Test
    void anAccountWithTwoRolesIsReadyToCreate() {
        FormResult<StaffAccountService.NewAccount> result = form("ruth.example", "Ruth Example", "ruth@example.org",
                "REVIEWING_OFFICER", "SERVICE_MANAGER").check(false);
        assertTrue(result.isValid());
        assertEquals(new StaffAccountService.NewAccount("ruth.example", "Ruth Example", "ruth@example.org",
                EnumSet.of(Role.REVIEWING_OFFICER, Role.SERVICE_MANAGER)), result.value());
    }

    @Test
    void theUsernameIsLowerCaseAndTrimmedAndABlankEmailIsNone() {
        FormResult<StaffAccountService.NewAccount> result = form("  Ruth.Example ", " Ruth Example ", "  ", "FORUM").check(false);
        assertEquals("ruth.example", result.value().username());
        assertEquals("Ruth Example", result.value().displayName());
        assertNull(result.value().email());
    }

    @Test
    void nothingTypedIsEveryRequiredFieldInPageOrder() {
        assertEquals(List.of("username:staff.accounts.error.usernameMissing", "displayName:staff.accounts.error.displayNameMissing",
                "roles:staff.accounts.error.rolesMissing"), keys(new AccountForm(null, null, null, null).check(false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Name!", "a", "ruth example", "ruth/example", "ruth+x", "<b>x</b>", "ruth;drop"})
    void aUsernameOutsideTheAllowedCharactersOrLengthIsExplained(String username) {
        assertEquals(List.of("username:staff.accounts.error.usernameFormat"), keys(form(username, "Ruth", "", "FORUM").check(false)));
    }

    @Test
    void usernamesFrom2To128CharactersOfTheAllowedOnesAreFine() {
        assertTrue(form("ab", "Ruth", "", "FORUM").check(false).isValid());
        assertTrue(form("r".repeat(128), "Ruth", "", "FORUM").check(false).isValid());
        assertEquals(List.of("username:staff.accounts.error.usernameFormat"), keys(form("r".repeat(129), "Ruth", "", "FORUM").check(false)));
        assertTrue(form("ruth.o-neil_2@council", "Ruth", "", "FORUM").check(false).isValid());
    }

    @Test
    void aTakenUsernameIsSaidSoOnlyWhenItIsWellFormed() {
        assertEquals(List.of("username:staff.accounts.error.usernameTaken"), keys(form("ruth", "Ruth", "", "FORUM").check(true)));
        assertEquals(List.of("username:staff.accounts.error.usernameFormat"), keys(form("R U", "Ruth", "", "FORUM").check(true)));
    }

    @Test
    void aNameOf100CharactersIsTheLongest() {
        assertTrue(form("ruth", "n".repeat(100), "", "FORUM").check(false).isValid());
        assertEquals(List.of("displayName:staff.accounts.error.displayNameTooLong"), keys(form("ruth", "n".repeat(101), "", "FORUM").check(false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ruth", "ruth@", "@example.org", "ruth@example", "ruth example@example.org", "a@b@c.org"})
    void anEmailThatIsNotAnAddressIsExplained(String email) {
        assertEquals(List.of("email:staff.accounts.error.emailFormat"), keys(form("ruth", "Ruth", email, "FORUM").check(false)));
    }

    @Test
    void anEmailOf254CharactersIsTheLongest() {
        String domain = "@example.org";
        assertTrue(form("ruth", "Ruth", "r".repeat(254 - domain.length()) + domain, "FORUM").check(false).isValid());
        assertEquals(List.of("email:staff.accounts.error.emailFormat"),
                keys(form("ruth", "Ruth", "r".repeat(255 - domain.length()) + domain, "FORUM").check(false)));
    }

    @Test
    void aRoleThatIsNotOneIsIgnoredSoOnlyUnknownRolesIsNoRole() {
        assertEquals(List.of("roles:staff.accounts.error.rolesMissing"), keys(form("ruth", "Ruth", "", "SUPERUSER", "forum").check(false)));
        assertEquals(EnumSet.of(Role.FORUM), form("ruth", "Ruth", "", "SUPERUSER", "FORUM", "FORUM").chosen());
    }

    @Test
    void everyRoleMayBeTicked() {
        String[] all = Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new);
        assertEquals(EnumSet.allOf(Role.class), form("ruth", "Ruth", "", all).check(false).value().roles());
    }

    @Test
    void savingRolesKeepsTheKnownOnesAndMayBeNone() {
        assertEquals(EnumSet.of(Role.ADMIN, Role.FORUM), new RolesForm(List.of("ADMIN", " FORUM ", "ROOT")).chosen());
        assertEquals(Set.of(), new RolesForm(null).chosen(), "every box unticked: no roles");
        assertEquals(Set.of(), new RolesForm(Arrays.asList("", null)).chosen());
    }
}
