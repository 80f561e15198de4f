/** Wire bodies of the backup admin routes ({@code /api/v1/admin/backups}). */
package app.medianest.model.backup;
