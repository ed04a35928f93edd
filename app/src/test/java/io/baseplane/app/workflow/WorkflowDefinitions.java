package io.baseplane.app.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workflow definitions as a client sends them: plain JSON maps. */
final class WorkflowDefinitions {

    private WorkflowDefinitions() {
    }

    static Map<String, Object> workflow(String name, Map<String, Object> trigger, List<Map<String, Object>> steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("trigger", trigger);
        body.put("steps", steps);
        return body;
    }

    static Map<String, Object> manual() {
        return Map.of("type", "MANUAL");
    }

    static Map<String, Object> onEvent(String eventType) {
        return Map.of("type", "EVENT", "eventType", eventType);
    }

    static Map<String, Object> step(String name, String type, Map<String, String> parameters) {
        return step(name, type, parameters, null);
    }

    /** A step whose compensation is {@code compensation} (null: none). */
    static Map<String, Object> step(String name, String type, Map<String, String> parameters,
                                    Map<String, Object> compensation) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("type", type);
        step.put("parameters", parameters);
        if (compensation != null) {
            step.put("compensation", compensation);
        }
        return step;
    }

    static Map<String, Object> compensation(String type, Map<String, String> parameters) {
        return Map.of("type", type, "parameters", parameters);
    }
}
