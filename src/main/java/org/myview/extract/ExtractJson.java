package org.myview.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** The extract as JSON: each item's fields are the CSV's columns in any case ({@code case_reference}), values as text. */
@Serdeable
public record ExtractJson(@Nullable List<Map<String, Object>> children, @Nullable List<Map<String, Object>> reviews,
                          @Nullable List<Map<String, Object>> parents) {
}
