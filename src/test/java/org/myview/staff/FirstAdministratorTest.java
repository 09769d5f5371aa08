package org.myview.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "myview.first-admin.username", value = "first.admin")
@Property(name = "myview.first-admin.password", value = "LEAKCANARY-first-admin-pw")
class FirstAdministratorTest {

    @Inject
    StaffAccountService accounts;
    @Inject
    SignInService signIn;

    @Test
    void anEmptyDatabaseGetsItsFirstAdministratorFromConfiguration() {
        StaffAccount admin = accounts.findByUsername("first.admin").orElseThrow();
        assertTrue(admin.has(Role.ADMIN));
        assertTrue(signIn.signIn("first.admin", "LEAKCANARY-first-admin-pw", "test-address", false).join() instanceof SignInService.SignedIn);
    }
}
