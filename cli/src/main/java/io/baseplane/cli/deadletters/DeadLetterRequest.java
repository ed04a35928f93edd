package io.baseplane.cli.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of retry and evict: one processor and exactly one of group, sequence or entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadLetterRequest(String processor, String group, String sequence, String entry, String reason) {
}
