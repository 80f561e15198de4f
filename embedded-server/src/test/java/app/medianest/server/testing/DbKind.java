package app.medianest.server.testing;

/** The databases every database-facing test runs against. */
public enum DbKind { H2, POSTGRESQL }
