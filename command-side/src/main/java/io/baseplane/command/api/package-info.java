/**
 * What every command REST adapter shares: sending a command on behalf of the authenticated caller,
 * optimistic concurrency through {@code If-Match}, and the {@code {id, version}} answer with its ETag.
 */
package io.baseplane.command.api;
