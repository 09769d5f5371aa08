package org.myview.consultation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Who reads the answer to the private question. Always the child's own reviewing officer; the
 * reviewing service manager too only when a trust switches {@code serviceManagerReads} on (off by
 * default), and then the child's question and the privacy notice say so (docs/consultation.md).
 */
@ConfigurationProperties("myview.consultation.private-answer")
public record PrivateAnswerSettings(@Bindable(defaultValue = "false") boolean serviceManagerReads) {
}
