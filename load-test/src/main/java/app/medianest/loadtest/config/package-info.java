/**
 * What a load test does: {@link app.medianest.loadtest.config.LoadTestConfig} (validated eagerly, naming the bad
 * value), the weighted endpoint mix, authentication, the optional reference phase, presets and duration parsing.
 */
package app.medianest.loadtest.config;
