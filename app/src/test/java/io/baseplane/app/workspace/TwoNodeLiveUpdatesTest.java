package io.baseplane.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SecondNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Live updates on every node: a subscriber connected to a node that does not run the workspace's view segment (the
 * second node; the first holds them all) sees every version, as one connected to the first node does, whichever node
 * the commands go to.
 */
class TwoNodeLiveUpdatesTest extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int CHANGES = 6;
    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    @BeforeEach
    void startASecondNodeOnTheSameDatabase() {
        if (secondNode == null) {
            secondNode = SecondNode.startOn(environment);
        }
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void aSubscriberOnEitherNodeSeesEveryVersion() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String path = "/api/v1/workspaces/" + workspaceId;
        String token = tokens.tenantAdmin(tenantId, "olivia");
        Api[] nodes = {api.as(token), secondNode.api().as(token)};
        assertThat(nodes[0].header("X-Min-Version", "1").get(path).status()).isEqualTo(200);

        try (EventStream onFirst = EventStream.open(port, path + "/updates", token);
             EventStream onSecond = EventStream.open(secondNode.port(), path + "/updates", token)) {
            assertThat(onFirst.next(WAIT).id()).isEqualTo("1");
            assertThat(onSecond.next(WAIT).id()).isEqualTo("1");

            for (int i = 0; i < CHANGES; i++) {
                Api.Response changed = nodes[i % 2].patch(path, Map.of("description", "change " + i));
                assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            }

            List<String> everyVersion = new ArrayList<>();
            for (long version = 2; version < 2 + CHANGES; version++) {
                everyVersion.add(Long.toString(version));
            }
            assertThat(idsOf(onFirst, CHANGES)).containsExactlyElementsOf(everyVersion);
            assertThat(idsOf(onSecond, CHANGES)).containsExactlyElementsOf(everyVersion);
        }
    }

    private static List<String> idsOf(EventStream stream, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(stream.next(WAIT).id());
        }
        return ids;
    }
}
