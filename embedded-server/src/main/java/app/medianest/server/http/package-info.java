/** HTTP plumbing: route table with access rules, exchange helpers, JSON, error mapping, common filter. */
package app.medianest.server.http;
