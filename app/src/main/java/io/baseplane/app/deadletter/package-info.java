/**
 * Dead letters of the view processors: Axon's JDBC dead-letter queue per view, the policy that decides which failures
 * park an aggregate's events (not the transient ones), and the operators' list, retry and eviction (docs/adr/0023).
 */
package io.baseplane.app.deadletter;
