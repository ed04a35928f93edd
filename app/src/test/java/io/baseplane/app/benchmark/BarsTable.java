package io.baseplane.app.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of design section 8 side by side: platform value, same-run baseline, their ratio, the bar and
 * whether it is met. Each value is the median of the runs that produced it.
 */
final class BarsTable {

    /** One line of the table; {@code passed} is null where no bar applies. */
    record Row(String figure, String platform, String baseline, String ratio, String bar, Boolean passed) {

        String verdict() {
            return passed == null ? "—" : passed ? "pass" : "FAIL";
        }

        String[] cells() {
            return new String[] {figure, platform, baseline, ratio, bar, verdict()};
        }
    }

    private static final String[] HEADER = {"Figure", "Platform", "Baseline", "Ratio", "Bar", "Result"};

    private final List<Row> rows = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();

    void row(String figure, String platform, String baseline, String ratio, String bar, Boolean passed) {
        rows.add(new Row(figure, platform, baseline, ratio, bar, passed));
    }

    /** A ratio row: platform / baseline against a minimum ratio; a minimum of 0 means no bar applies. */
    void ratio(String figure, double platform, double baseline, String unit, double minRatio) {
        double ratio = platform / baseline;
        row(figure, number(platform) + " " + unit, number(baseline) + " " + unit,
                String.format(Locale.ROOT, "%.2f", ratio),
                minRatio > 0 ? String.format(Locale.ROOT, "≥ %.2f", minRatio) : "(none)",
                minRatio > 0 ? Boolean.valueOf(ratio >= minRatio) : null);
    }

    /** The single runs behind a figure, for the markdown. */
    void runs(String figure, String values) {
        runs.add("| " + figure + " | " + values + " |");
    }

    String text() {
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        rows.forEach(row -> all.add(row.cells()));
        return BenchmarkReport.render(all, false);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row.cells())).append(" |\n"));
        if (!runs.isEmpty()) {
            md.append("\n### Single runs\n\n| Figure | Runs |\n|---|---|\n");
            runs.forEach(line -> md.append(line).append('\n'));
        }
        return md.toString();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.2f", value);
    }

    static String list(List<Double> values) {
        return String.join(", ", values.stream().map(BarsTable::number).toList());
    }
}
