package io.baseplane.cli.processors;

import io.baseplane.cli.text.TextTable;
import java.io.PrintWriter;
import java.util.List;

/** Processors as text. */
final class ProcessorsText {

    private ProcessorsText() {
    }

    static void table(List<Processor> processors, PrintWriter out) {
        if (processors.isEmpty()) {
            out.println("no event processors");
            return;
        }
        TextTable table = new TextTable("NAME", "KIND", "MODE", "STATUS", "LAG", "SEGMENTS", "DEAD-LETTERS");
        processors.forEach(p -> table.row(p.name(), p.kind(), p.mode(), p.status(), p.lag(), p.heldSegments(),
                p.deadLetters()));
        table.print(out);
    }

    static void detail(Processor processor, PrintWriter out) {
        table(List.of(processor), out);
        out.println();
        out.println("position " + dash(processor.position()) + " of head " + dash(processor.head()));
        if (processor.pause() != null) {
            Processor.Pause pause = processor.pause();
            out.println("paused by " + pause.by() + " at " + pause.at() + ": " + pause.reason());
        }
        if (processor.error() != null) {
            out.println("error since " + processor.error().since() + ": " + processor.error().message());
        }
        if (!processor.segments().isEmpty()) {
            out.println();
            TextTable segments = new TextTable("SEGMENT", "NODE", "POSITION", "ERROR");
            processor.segments().forEach(s -> segments.row(s.segment(), s.node(), s.position(), s.error()));
            segments.print(out);
        }
    }

    private static String dash(Long value) {
        return value == null ? "-" : value.toString();
    }
}
