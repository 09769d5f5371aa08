package org.myview.formalerts;

import org.myview.web.EnumNames;

import java.util.Optional;

/** How a reviewing officer hears that a child sent their form. No choice made: {@link #EACH}. */
public enum FormAlertChoice {
    /** An email each time a child sends a form. */
    EACH,
    /** One email a day listing the forms that arrived. */
    DAILY,
    /** No emails: the review list and the review page show it. */
    NONE;

    static Optional<FormAlertChoice> parse(String value) {
        return EnumNames.exact(FormAlertChoice.class, value);
    }
}
