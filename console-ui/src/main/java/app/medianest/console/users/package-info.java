/** User administration: search, role changes, suspension. */
package app.medianest.console.users;
