package org.myview.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** A child as MyView holds them: the least a reviewing officer needs. */
@Introspected
public record Child(long id, String caseReference, @Nullable String firstName, LocalDate dateOfBirth) {

    public int ageOn(LocalDate date) {
        return ChildAge.yearsOn(dateOfBirth, date);
    }
}
