/**
 * Published language of the Airtable bounded context: one workspace's link to one Airtable base and the
 * runs that import its records. Access tokens never appear here, only {@code tokenRef}, the name under
 * which the secret store keeps the token.
 */
package io.baseplane.kernel.airtable;
