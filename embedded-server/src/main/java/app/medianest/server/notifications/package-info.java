/** In-app notifications: stored per user, created by request changes, listed and marked read on the dashboard. */
package app.medianest.server.notifications;
