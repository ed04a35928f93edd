/**
 * The port through which sagas tell people about outcomes, and its default adapter: a transactional outbox
 * that a separate deliverer drains, so a saga never waits on (or double-sends through) a mail or chat system.
 */
package io.baseplane.saga.notification;
