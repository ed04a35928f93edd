package io.baseplane.app.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of the benchmark: per figure and store the value of each run, reported as their median. */
final class BenchmarkReport {

    static final String JDBC = "JDBC engine";
    static final String JPA = "JPA engine";
    static final String RAW = "raw JDBC";
    private static final List<String> COLUMNS = List.of(JDBC, JPA, RAW);

    private final Map<String, Map<String, List<Double>>> runs = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(String figure, String store, double value) {
        runs.computeIfAbsent(figure, f -> new LinkedHashMap<>())
                .computeIfAbsent(store, s -> new ArrayList<>())
                .add(value);
    }

    void note(String note) {
        notes.add(note);
    }

    double median(String figure, String store) {
        double[] values = runs.get(figure).get(store).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The table as plain text for the console. */
    String text() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Figure (median of runs, higher is better)", JDBC, JPA, RAW, "JDBC/JPA"});
        for (String figure : runs.keySet()) {
            rows.add(row(figure));
        }
        return render(rows, true);
    }

    /**
     * Rows as aligned plain text, the first row a header underlined with dashes; the first column left-aligned,
     * the others right-aligned if {@code rightAligned}.
     */
    static String render(List<String[]> rows, boolean rightAligned) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = pad(row[i], widths[i], i > 0 && rightAligned);
                text.append(i == 0 ? "" : "  ").append(cell);
            }
            text.append('\n');
            if (r == 0) {
                text.append("-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
            }
        }
        return text.toString();
    }

    /** The table, the single runs and the notes as markdown. */
    String markdown(String title, List<String> setup) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("| Figure (median of runs, higher is better) | ").append(String.join(" | ", COLUMNS))
                .append(" | JDBC/JPA |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (String figure : runs.keySet()) {
            md.append("| ").append(String.join(" | ", row(figure))).append(" |\n");
        }
        md.append("\n## Setup\n\n");
        setup.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Single runs\n\n| Figure | Store | Runs |\n|---|---|---|\n");
        runs.forEach((figure, byStore) -> byStore.forEach((store, values) -> md.append("| ").append(figure)
                .append(" | ").append(store).append(" | ")
                .append(String.join(", ", values.stream().map(BenchmarkReport::number).toList()))
                .append(" |\n")));
        if (!notes.isEmpty()) {
            md.append("\n## Checks\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private String[] row(String figure) {
        return new String[] {
                figure,
                number(median(figure, JDBC)),
                number(median(figure, JPA)),
                number(median(figure, RAW)),
                String.format(Locale.ROOT, "%.2f", median(figure, JDBC) / median(figure, JPA))};
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(width - cell.length());
        return right ? padding + cell : cell + padding;
    }
}
