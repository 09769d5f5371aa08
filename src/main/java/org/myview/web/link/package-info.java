/**
 * Secret links that open an anonymous form (a child's consultation, a parent's feedback form).
 *
 * <h2>How a feature uses it</h2>
 * <ol>
 *   <li>Implement {@link org.myview.web.link.LinkKind} as a {@code @Singleton}: a {@code name()} that is also the
 *   first path segment of the feature ({@code "consultation"} serves {@code /consultation/**}), where to go once
 *   the link is open, the message key that says who to ask for a new link, and a lookup of the feature's own
 *   link table by token hash and by link id.</li>
 *   <li>Create links with {@link org.myview.web.link.LinkTokens#newLink()}: store only
 *   {@link org.myview.web.link.LinkTokens.NewLink#hash()}; show {@code NewLink.token()} once, in
 *   {@code LinkTokens.url(kind, token)}: {@code /<name>/link/<token>} (a path, never a query string).</li>
 *   <li>{@link org.myview.web.link.LinkController} (shared, nothing to write) answers
 *   {@code GET /<name>/link/{token}}: it checks the per-address throttle (in the database), looks the hash up,
 *   and either sets the signed form-session cookie and answers 303 to {@code startPath()} (an address without
 *   the token), or shows the kind problem page ({@code views/link/problem.html}: unknown, expired, already
 *   sent, too many tries).</li>
 *   <li>In the feature's controller, {@link org.myview.web.link.LinkSessions#current} gives the open
 *   {@link org.myview.web.link.FormSession} (the link id), re-checking the link is still open, or the problem
 *   page to return.</li>
 *   <li>CSRF: {@link org.myview.web.link.FormSessionKeySource} binds CSRF tokens to the form session for every
 *   path under {@code /<name>/}, so forms carry {@code _csrf} as staff forms do and
 *   {@code web.CsrfFilter} checks them.</li>
 *   <li>Drafts belong to the first device: {@link org.myview.web.link.LinkClaims} records which form session
 *   opened a link first; {@code LinkSessions} answers {@code ELSEWHERE} (and {@code problem} redirects to
 *   {@code /<name>/link-continue}) for any other device, until it types the holder's secret code
 *   ({@link org.myview.web.link.LinkClaimController}). Features link to {@code /<name>/link-code} from their
 *   start page.</li>
 * </ol>
 * The token never reaches a log: it only appears in the {@code /link/} path, which
 * {@link org.myview.web.LoggedPaths#redact(String)} hides wherever a path is logged.
 */
package org.myview.web.link;
