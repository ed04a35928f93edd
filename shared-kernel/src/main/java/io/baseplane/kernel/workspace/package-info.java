/** Published language of the workspace bounded context: its identifiers, commands and events. */
package io.baseplane.kernel.workspace;
