/**
 * Published language of the workflow bounded context: workflow definitions (trigger and ordered steps,
 * each with an optional compensation) and the runs that execute them.
 */
package io.baseplane.kernel.workflow;
