package org.myview.staff;

import java.util.Map;
import java.util.Optional;

/**
 * A part of the staff home page that another feature owns (reviews coming up with no My Review My View link,
 * for example), so staff/ does not depend on it. The template must define a fragment {@code panel(model)}.
 */
public interface HomePanel {

    /** What a panel shows: its template and model. */
    record Panel(String template, Map<String, Object> model) {
    }

    Optional<Panel> panelFor(StaffUser user);
}
