/**
 * The {@code axonserver} profile (ADR 0021): readiness that names the connection to Axon Server, refusals that keep
 * their meaning on their way between nodes, and event processors that start while Axon Server is out of reach.
 */
package io.baseplane.app.axonserver;
