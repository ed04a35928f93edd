/**
 * Building blocks every bounded context shares: typed identifiers, the caller behind a message, and the
 * exceptions that carry a broken rule to the edge of the system. Deliberately free of Spring.
 */
package io.baseplane.kernel.common;
