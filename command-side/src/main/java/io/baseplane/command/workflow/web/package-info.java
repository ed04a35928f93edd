/** HTTP adapter of the workflow commands: define, update, enable, disable, request a run. */
package io.baseplane.command.workflow.web;
