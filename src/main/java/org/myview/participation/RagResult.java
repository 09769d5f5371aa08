package org.myview.participation;

import java.util.Objects;

/** A rating and the sentence that explains it with the numbers, so a manager can check it by eye. */
public record RagResult(Rag rag, String reason) {
    public RagResult {
        Objects.requireNonNull(rag, "rag");
        Objects.requireNonNull(reason, "reason");
    }
}
