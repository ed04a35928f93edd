/**
 * Replays of view processors as records (issue 13, docs/adr/0022): in place (the live view emptied and rebuilt) or
 * blue-green (built into shadow tables while the live view serves, compared, then switched in one transaction). Every
 * node's {@link io.baseplane.app.ops.replay.ProcessorSupervisor} applies what the records ask of it; whichever node
 * locks a replay's row advances it a step.
 */
package io.baseplane.app.ops.replay;
