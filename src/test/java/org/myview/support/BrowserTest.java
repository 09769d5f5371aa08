package org.myview.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that drives a real {@link Browser}. Where Chromium is not installed the class
 * is skipped, so a laptop without it can still run the build; where {@code CI=true} it fails
 * instead, because CI installs Chromium and a skip there would hide a broken test.
 *
 * <p>Put it above {@code @MicronautTest}: then on CI the missing browser fails the class before the
 * application starts. (The skip elsewhere is decided before any of that.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserAvailable.class)
public @interface BrowserTest {
}
