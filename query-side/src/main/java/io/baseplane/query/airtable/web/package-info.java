/** Query REST adapter of the Airtable context: {@code /api/v1/airtable-syncs/{syncId}} and its runs. */
package io.baseplane.query.airtable.web;
