/**
 * The family portal: server-rendered HTML pages at {@code /} on the API's listener, built from the same services
 * as the API (requests, accounts, sessions, Plex, Overseerr search, YouTube, service status). Templates live in
 * {@code src/main/jte/portal} and are compiled to Java at build time; static assets live in
 * {@code src/main/resources/portal/static} and are served under content-hashed names. See docs/portal.md.
 */
package app.medianest.server.portal;
