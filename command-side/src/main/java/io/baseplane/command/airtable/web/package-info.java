/** REST adapter of the Airtable sync commands. */
package io.baseplane.command.airtable.web;
