package org.myview.review;

import java.time.LocalDate;

/** A child as MyView holds them: the least a reviewing officer needs. */
public record Child(long id, String caseReference, String firstName, LocalDate dateOfBirth) {

    public int ageOn(LocalDate date) {
        return ChildAge.yearsOn(dateOfBirth, date);
    }
}
