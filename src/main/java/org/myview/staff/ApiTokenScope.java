package org.myview.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API token scopes that may call a route. A route without it cannot be called with a token at all (HTTP
 * Basic still can): a new {@code /api} route is closed to tokens until someone decides which scope it belongs to.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiTokenScope {
    ApiScope[] value();
}
