/**
 * JMH microbenchmarks of the server's hot paths (token lookup, cache hit, request-list query, JSON writing) and
 * {@link app.medianest.benchmarks.BenchmarkMain}, which runs them and prints one table with each score as a ratio
 * to a reference measured in the same run.
 */
package app.medianest.benchmarks;
