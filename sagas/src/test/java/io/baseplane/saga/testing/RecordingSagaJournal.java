package io.baseplane.saga.testing;

import io.baseplane.saga.journal.JournalEntry;
import io.baseplane.saga.journal.SagaJournal;
import io.baseplane.saga.journal.StepTransition;
import java.util.ArrayList;
import java.util.List;

/** The journal for saga fixtures: keeps the entries in memory, in order. */
public final class RecordingSagaJournal implements SagaJournal {

    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public void record(JournalEntry entry) {
        entries.add(entry);
    }

    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** The identifier of the one saga a fixture runs, as operators' events carry it. */
    public String sagaId() {
        return entries.get(0).sagaId();
    }

    /** Each entry as "step TRANSITION", the shape timeline assertions read best in. */
    public List<String> timeline() {
        return entries.stream().map(entry -> entry.step() + " " + entry.transition()).toList();
    }

    public List<String> details(StepTransition transition) {
        return entries.stream().filter(entry -> entry.transition() == transition).map(JournalEntry::detail).toList();
    }
}
