/**
 * Read models: JPA entities, their Spring Data repositories, and the projectors that keep them, one
 * processing group per view, idempotent so a replay leaves the same rows.
 */
package io.baseplane.projection;
