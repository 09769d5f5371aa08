package org.myview.support;

import nu.validator.client.EmbeddedValidator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The Nu HTML checker (the W3C validator's engine), run in-process on a page's HTML. */
public final class HtmlChecker {

    private HtmlChecker() {
    }

    /** The checker's error lines for this document; empty when the HTML is valid. */
    public static List<String> errors(String html) {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
            validator.setNoLangDetect(true);
            String output = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            return output.lines().filter(line -> line.contains("error:")).collect(Collectors.toList());
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker failed to run", e);
        }
    }
}
