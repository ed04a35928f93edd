/**
 * What operators watch: event processor lag and state, live sagas, the event store's head (its rate is the
 * append rate), log lines tagged with who and which chain, and readiness that includes every processor.
 */
package io.baseplane.app.observability;
