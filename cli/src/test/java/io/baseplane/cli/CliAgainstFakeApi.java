package io.baseplane.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What tests of the CLI against the ops API share: a fresh {@link FakeApi} per test, and the CLI aimed at it. */
abstract class CliAgainstFakeApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    FakeApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    /** The CLI with BASEPLANE_URL set to the fake API, for a test that adds to its environment. */
    CliRun cli() {
        return CliRun.against(api);
    }

    CliRun.Result run(String... args) {
        return cli().run(args);
    }

    /** The only request's body as JSON: compared as JSON, the order of its fields does not matter. */
    JsonNode requestJson() throws JsonProcessingException {
        return json(api.onlyRequest().body());
    }

    static JsonNode json(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** A printed table's lines, split into cells where two or more spaces part them; blank lines left out. */
    static List<List<String>> cells(String text) {
        return text.lines().filter(line -> !line.isBlank()).map(line -> List.of(line.split("\\s{2,}"))).toList();
    }
}
