package org.myview.staff;

/**
 * What a personal API token may reach (issue 22, item 2). A token reaches only the {@code /api} routes marked
 * {@link ApiTokenScope} with its scope, and within those only what its account's roles allow.
 */
public enum ApiScope {
    /** The figures: participation summary and My Review My View as JSON, the forum's figures as JSON and CSV. */
    FIGURES,
    /** The SSDA903 Reviews file (import and export) and case-system extracts (import): children’s identifiers, names, dates of birth. */
    IMPORT
}
