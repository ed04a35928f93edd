/** Operators' saga REST adapter: {@code /api/v1/ops/sagas} and {@code /api/v1/ops/jobs} (PLATFORM_OPERATOR only). */
package io.baseplane.saga.ops.web;
