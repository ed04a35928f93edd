package io.baseplane.saga.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of step parameters: {@code {{input.<key>}}} with the run's input (empty when the
 * input lacks the key) and {@code {{runId}}} with the run's id. Nothing else is interpreted.
 */
final class ParameterTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(runId|input\\.([A-Za-z0-9_.-]+))\\s*}}");

    private ParameterTemplates() {
    }

    static Map<String, String> render(Map<String, String> parameters, Map<String, String> input, String runId) {
        Map<String, String> rendered = new LinkedHashMap<>();
        parameters.forEach((key, value) -> rendered.put(key, render(value, input, runId)));
        return rendered;
    }

    static String render(String template, Map<String, String> input, String runId) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2) == null ? runId : input.getOrDefault(matcher.group(2), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
