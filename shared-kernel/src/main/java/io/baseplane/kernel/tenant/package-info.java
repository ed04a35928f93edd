/** Published language of the tenant bounded context: its identifiers, commands and events. */
package io.baseplane.kernel.tenant;
