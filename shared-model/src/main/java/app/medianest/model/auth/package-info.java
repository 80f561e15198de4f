/** Wire bodies of the sign-in, session, user-admin and API-key routes. */
package app.medianest.model.auth;
