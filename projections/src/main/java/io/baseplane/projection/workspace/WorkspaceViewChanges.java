package io.baseplane.projection.workspace;

import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates of workspace views on every node. The node whose projector changed a view announces it with
 * PostgreSQL's {@code NOTIFY} in the projector's transaction (delivered only if it commits, once per workspace and
 * transaction); every node, that one included, listens on a connection of its own and sends the view as it now is to
 * the subscription queries it holds for that workspace, or ends them when the workspace was discarded. Without this, a subscriber connected to a node that does not
 * run the {@code workspace-view} segment of its workspace got the first view and never another.
 */
@Component
public class WorkspaceViewChanges implements SmartLifecycle {

    static final String CHANNEL = "baseplane_workspace_view";
    private static final Logger log = LoggerFactory.getLogger(WorkspaceViewChanges.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;
    /** PostgreSQL refuses a payload of 8000 bytes or more. */
    private static final int MAX_PAYLOAD_BYTES = 7_900;
    private static final String BY_ID = "id:";
    private static final String DISCARDED = "discarded:";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final WorkspaceViewRepository workspaces;
    private final WorkspaceMemberRepository members;
    private final QueryUpdateEmitter updates;
    private final JsonMapper json;
    private volatile Thread listener;

    WorkspaceViewChanges(JdbcTemplate jdbc, DataSource dataSource, WorkspaceViewRepository workspaces,
                         WorkspaceMemberRepository members, QueryUpdateEmitter updates, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.workspaces = workspaces;
        this.members = members;
        this.updates = updates;
        this.json = json;
    }

    /** Tells every node, once the current transaction commits, the workspace's new view. */
    void announce(WorkspaceView view) {
        String payload = json.writeValueAsString(view);
        notify(payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES ? payload : BY_ID + view.id());
    }

    /** Tells every node, once the current transaction commits, that the workspace was discarded. */
    void announceDiscarded(WorkspaceId workspaceId) {
        notify(DISCARDED + workspaceId);
    }

    private void notify(String payload) {
        jdbc.query("select pg_notify(?, ?)", (ResultSetExtractor<Void>) rows -> null, CHANNEL, payload);
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "workspace-view-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            sendToSubscribers(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listener == Thread.currentThread()) {
                    log.warn("Listening for workspace view changes failed ({}); listening again shortly", e.toString());
                    pause();
                }
            }
        }
    }

    private void sendToSubscribers(String payload) {
        if (payload.startsWith(DISCARDED)) {
            WorkspaceId workspaceId = WorkspaceId.of(payload.substring(DISCARDED.length()));
            updates.complete(FindWorkspaceQuery.class, watching(workspaceId));
            return;
        }
        WorkspaceId workspaceId = payload.startsWith(BY_ID) ? WorkspaceId.of(payload.substring(BY_ID.length()))
                : null;
        WorkspaceView view = workspaceId == null ? json.readValue(payload, WorkspaceView.class) : null;
        WorkspaceId watched = view == null ? workspaceId : view.id();
        if (updates.activeSubscriptions().stream().noneMatch(subscription -> watches(subscription.getPayload(),
                watched))) {
            return;
        }
        if (view == null) {
            view = workspaces.findById(watched.value())
                    .map(workspace -> workspace.toView(members.membersOf(watched.value()))).orElse(null);
        }
        if (view != null) {
            updates.emit(FindWorkspaceQuery.class, watching(watched), view);
        }
    }

    private static Predicate<FindWorkspaceQuery> watching(WorkspaceId workspaceId) {
        return query -> query.workspaceId().equals(workspaceId);
    }

    private static boolean watches(Object query, WorkspaceId workspaceId) {
        return query instanceof FindWorkspaceQuery find && find.workspaceId().equals(workspaceId);
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
