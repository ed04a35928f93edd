/**
 * Execution of workflow runs: the {@link io.baseplane.saga.workflow.WorkflowExecutionSaga}, the
 * {@link io.baseplane.saga.workflow.StepExecutor} port with one executor per step type
 * ({@code executor}), and the handler that starts event-triggered workflows ({@code trigger}).
 */
package io.baseplane.saga.workflow;
