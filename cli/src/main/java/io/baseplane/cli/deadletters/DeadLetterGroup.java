package io.baseplane.cli.deadletters;

import com.fasterxml.jackson.databind.JsonNode;

/** Dead letters of one processor that failed alike, with one of them as a sample. */
record DeadLetterGroup(String processor, String group, String exceptionType, String message, long count,
                       String firstAt, String lastAt, Sample sample) {

    /** @param sequence the sequence the letter blocks: later events of it wait behind it */
    record Sample(String entryId, String sequence, String eventType, String aggregateId, Long sequenceNumber,
                  Long globalIndex, JsonNode payload) {
    }
}
