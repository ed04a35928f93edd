/**
 * Query REST adapter of the workflow context: a workspace's workflows, a workflow's runs, and one run with
 * the status of each step.
 */
package io.baseplane.query.workflow.web;
