/** Media requests of every user: cursor-paged table, filters, approve, decline and bulk actions. */
package app.medianest.console.requests;
