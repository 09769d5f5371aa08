package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Lets a script check its credentials: who it is signed in as, with which roles (and a token's scope). */
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiTokenScope({ApiScope.FIGURES, ApiScope.IMPORT})
class ApiAccountController {

    @Serdeable
    record Me(String username, List<String> roles, @Nullable String tokenScope) {
    }

    @Get
    Me me(Authentication authentication) {
        Object scope = authentication.getAttributes().get(ApiTokenAuthenticationFetcher.TOKEN_SCOPE);
        return new Me(authentication.getName(), authentication.getRoles().stream().sorted().toList(),
                scope == null ? null : scope.toString());
    }
}
