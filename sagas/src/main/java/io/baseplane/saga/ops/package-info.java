/**
 * What operators see of saga instances and how they move them (issue 10): the explorer over
 * {@code saga_instance}, {@code saga_journal}, Axon's saga store and db-scheduler's deadlines; stuck
 * detection; and the operators' actions (retry, abort, fire a deadline, batches of them), each recorded in the
 * journal and published as an event the saga itself handles. Nothing here writes a saga's state.
 */
package io.baseplane.saga.ops;
