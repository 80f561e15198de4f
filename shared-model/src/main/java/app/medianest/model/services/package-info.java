/** Wire bodies of the service-configuration and circuit-breaker admin routes. */
package app.medianest.model.services;
