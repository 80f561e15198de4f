/** Configuration: the setting catalogue, layered sources (defaults, application.yaml, data-dir file, env) and validation. */
package app.medianest.server.config;
