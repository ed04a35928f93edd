/** Onboarding of a new tenant: its default workspace, a welcome, and the tenant made active. */
package io.baseplane.saga.tenant;
