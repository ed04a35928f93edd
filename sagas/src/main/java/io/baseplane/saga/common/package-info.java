/** Helpers every saga shares, so compensations read and behave the same across processes. */
package io.baseplane.saga.common;
