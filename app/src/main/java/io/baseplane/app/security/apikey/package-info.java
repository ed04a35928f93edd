/**
 * Service API keys: machine clients authenticate with {@code X-API-Key} instead of a bearer token, and then
 * act exactly as a token with the key's tenant and roles would.
 */
package io.baseplane.app.security.apikey;
