-- The processing nodes that are up (issue 12, ADR 0019), owned by the app module's node package. Each processing
-- node writes its row every heartbeat and deletes it when it stops; a row not written for baseplane.node.dead-after
-- belongs to a node that died. The segments of every event processor are shared out over the live rows.
create table platform_node (
    node_id    varchar(255) primary key,
    roles      varchar(100) not null,
    started_at timestamptz  not null,
    last_seen  timestamptz  not null
);
