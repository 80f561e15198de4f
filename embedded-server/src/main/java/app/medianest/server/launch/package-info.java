/** Starting the JVM: the tuned, bounded-memory JVM options applied to a plain {@code java -jar}. */
package app.medianest.server.launch;
