/**
 * Feature flags: every optimization can be switched off at runtime (the strategy's rollback plan), persisted
 * in {@code app_settings} and served at {@code /api/v1/admin/feature-flags}.
 */
package app.medianest.server.flags;
