/** The AirtableSync aggregate: one workspace's link to one Airtable base and the state of its current run. */
package io.baseplane.command.airtable;
