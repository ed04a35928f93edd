/**
 * Queries and views of the Airtable bounded context: a sync with a summary of its latest run, and each run
 * with its progress per table. No view carries an access token or even its reference.
 */
package io.baseplane.kernel.airtable.query;
