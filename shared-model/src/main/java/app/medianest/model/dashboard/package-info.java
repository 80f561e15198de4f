/** Wire bodies of the dashboard routes: stats, service summary and notifications. */
package app.medianest.model.dashboard;
