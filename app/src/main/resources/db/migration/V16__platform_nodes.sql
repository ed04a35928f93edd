-- The nodes that are up (issue 12, ADR 0019), owned by the app module's node package. Each node writes its row every
-- heartbeat (its roles and the event processors it runs) and deletes it when it stops; a row not written for
-- baseplane.node.dead-after belongs to a node that died (deleted after a day). Each processor's segments are dealt
-- out over the live processing nodes that run it.
create table platform_node (
    node_id    varchar(255)  primary key,
    roles      varchar(100)  not null,
    processors varchar(4000) not null,
    started_at timestamptz   not null,
    last_seen  timestamptz   not null
);
