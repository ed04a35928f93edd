/**
 * The workflow lookup table: each workflow's trigger and whether it is enabled, written by a subscribing
 * event handler inside the transaction that stores the Workflow's events. The workflow trigger handler
 * (sagas) reads it with SQL to find the workflows a platform event starts.
 */
package io.baseplane.command.workflow.lookup;
