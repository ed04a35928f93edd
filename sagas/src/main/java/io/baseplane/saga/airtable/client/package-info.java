/**
 * Client of Airtable's Web API for the synchronisation saga: the schema of a base's tables and its records
 * page by page. Every request of a base passes that base's rate limiter (Airtable allows 5 requests/s per
 * base), circuit breaker and retry (Resilience4j). Access tokens are looked up by reference in a
 * {@link io.baseplane.saga.airtable.client.SecretStore} and never leave the request's Authorization header.
 */
package io.baseplane.saga.airtable.client;
