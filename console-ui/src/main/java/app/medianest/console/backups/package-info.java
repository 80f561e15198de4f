/** Backups of the embedded database: the list, the schedule, "Back up now", and how to restore. */
package app.medianest.console.backups;
