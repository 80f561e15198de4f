/** Caches and jobs: cache statistics and flush, feature flags, status poller and download queue. */
package app.medianest.console.caches;
