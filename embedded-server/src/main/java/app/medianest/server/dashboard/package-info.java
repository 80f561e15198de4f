/** The personal dashboard: stats (my requests, service summary, recently added) and service status. */
package app.medianest.server.dashboard;
