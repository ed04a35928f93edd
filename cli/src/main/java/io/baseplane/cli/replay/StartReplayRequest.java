package io.baseplane.cli.replay;

/**
 * POST /api/v1/ops/replays.
 *
 * @param from "beginning", a global index (a number) or an ISO-8601 instant
 * @param mode in-place or blue-green
 */
record StartReplayRequest(String processor, Object from, String mode, String reason, boolean autoSwitch) {
}
