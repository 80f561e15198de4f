/** Records and enums shared by the MediaNest server and console: wire bodies, domain values, events. */
package app.medianest.model;
