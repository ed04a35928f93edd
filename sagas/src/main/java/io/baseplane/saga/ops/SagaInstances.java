package io.baseplane.saga.ops;

import io.baseplane.kernel.saga.SagaStatus;
import io.baseplane.saga.common.SagaProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code saga_instance}, which the saga journal keeps in each saga's own transaction. Whether a saga is
 * stuck is decided here, when read, from its row and its deadlines, so the answer is as fresh as the query.
 */
@Component
public class SagaInstances {

    private final NamedParameterJdbcTemplate jdbc;
    private final SagaProperties properties;
    private final Clock clock;

    @Autowired
    public SagaInstances(JdbcTemplate jdbc, SagaProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    SagaInstances(JdbcTemplate jdbc, SagaProperties properties, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.properties = properties;
        this.clock = clock;
    }

    public SagaPage list(SagaQuery query) {
        MapSqlParameterSource params = params(clock.instant());
        StringBuilder sql = new StringBuilder(SagaSql.WITH_SAGA_DEADLINES)
                .append(" select ").append(SagaSql.COLUMNS).append(", ").append(SagaSql.STUCK).append(" as stuck")
                .append(" from saga_instance s where ").append(SagaSql.RETAINED);
        SagaSql.appendFilter(query.filter(), sql, params);
        boolean stalest = query.sort() == SagaSort.STALEST;
        if (query.cursor() != null) {
            sql.append(stalest ? " and (s.last_progress_at, s.saga_id) > (:afterAt, :afterId)"
                    : " and (s.started_at, s.saga_id) < (:afterAt, :afterId)");
            params.addValue("afterAt", SagaSql.timestamp(query.cursor().after()))
                    .addValue("afterId", query.cursor().sagaId());
        }
        sql.append(stalest ? " order by s.last_progress_at, s.saga_id" : " order by s.started_at desc, s.saga_id desc")
                .append(" limit :limit");
        // One more than asked: whether it exists says whether there is a next page.
        params.addValue("limit", query.limit() + 1);
        List<SagaSummary> rows = jdbc.query(sql.toString(), params, (row, n) -> summary(row));
        if (rows.size() <= query.limit()) {
            return new SagaPage(rows, null);
        }
        List<SagaSummary> page = rows.subList(0, query.limit());
        SagaSummary last = page.get(page.size() - 1);
        SagaCursor next = new SagaCursor(query.sort(), stalest ? last.lastProgressAt() : last.startedAt(), last.sagaId());
        return new SagaPage(page, next.encode());
    }

    /** The saga's row, whether or not it is still listed. */
    public Optional<SagaSummary> find(String sagaId) {
        MapSqlParameterSource params = params(clock.instant()).addValue("sagaId", sagaId);
        return jdbc.query(SagaSql.WITH_SAGA_DEADLINES + " select " + SagaSql.COLUMNS + ", " + SagaSql.STUCK
                        + " as stuck from saga_instance s where s.saga_id = :sagaId", params, (row, n) -> summary(row))
                .stream().findFirst();
    }

    /** Locks the saga's row for the rest of the transaction, so its status cannot change under an action. */
    Optional<SagaSummary> lock(String sagaId) {
        List<String> locked = jdbc.queryForList("select saga_id from saga_instance where saga_id = :sagaId for update",
                new MapSqlParameterSource("sagaId", sagaId), String.class);
        return locked.isEmpty() ? Optional.empty() : find(sagaId);
    }

    /** The ids of the listed sagas that match the filter, are active and in one of these statuses. */
    List<String> activeIds(SagaFilter filter, Collection<SagaStatus> statuses) {
        MapSqlParameterSource params = params(clock.instant());
        return jdbc.queryForList(activeSql("s.saga_id", filter, statuses, params) + " order by s.saga_id",
                params, String.class);
    }

    long countActive(SagaFilter filter, Collection<SagaStatus> statuses) {
        MapSqlParameterSource params = params(clock.instant());
        Long count = jdbc.queryForObject(activeSql("count(*)", filter, statuses, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** Counts per type and status of the listed sagas, with the stuck ones and how long they have been stuck. */
    public SagaOverview overview() {
        Instant now = clock.instant();
        Map<String, Counts> byType = new LinkedHashMap<>();
        SagaTypes.ALL.forEach(type -> byType.put(type, new Counts()));
        jdbc.query(SagaSql.WITH_SAGA_DEADLINES + """
                select s.saga_type, s.status, count(*) as total,
                       count(*) filter (where %1$s) as stuck,
                       min(s.last_progress_at) filter (where %1$s) as oldest_stuck
                from saga_instance s where %2$s
                group by s.saga_type, s.status""".formatted(SagaSql.STUCK, SagaSql.RETAINED), params(now), row -> {
            Counts counts = byType.computeIfAbsent(row.getString("saga_type"), type -> new Counts());
            counts.byStatus.merge(SagaStatus.valueOf(row.getString("status")), row.getLong("total"), Long::sum);
            counts.stuck += row.getLong("stuck");
            counts.oldestStuck(instant(row, "oldest_stuck"));
        });
        List<SagaOverview.TypeCounts> types = new ArrayList<>();
        long stuck = 0;
        Instant oldest = null;
        for (Map.Entry<String, Counts> entry : byType.entrySet()) {
            Counts counts = entry.getValue();
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (SagaStatus status : SagaStatus.values()) {
                byStatus.put(status.name(), counts.byStatus.getOrDefault(status, 0L));
            }
            types.add(new SagaOverview.TypeCounts(entry.getKey(), byStatus.values().stream().mapToLong(n -> n).sum(),
                    byStatus, counts.stuck, ageInSeconds(counts.oldestStuck, now)));
            stuck += counts.stuck;
            oldest = earlier(oldest, counts.oldestStuck);
        }
        return new SagaOverview(now, types, stuck, ageInSeconds(oldest, now));
    }

    /** Stuck sagas per type and the oldest one's last progress, for the gauges and the health detail. */
    StuckSagas.Snapshot stuck() {
        Instant now = clock.instant();
        Map<String, Long> byType = new LinkedHashMap<>();
        SagaTypes.ALL.forEach(type -> byType.put(type, 0L));
        Instant[] oldest = {null};
        jdbc.query(SagaSql.WITH_SAGA_DEADLINES + " select s.saga_type, count(*) as stuck,"
                + " min(s.last_progress_at) as oldest from saga_instance s where " + SagaSql.STUCK
                + " group by s.saga_type", params(now), row -> {
            byType.put(row.getString("saga_type"), row.getLong("stuck"));
            oldest[0] = earlier(oldest[0], instant(row, "oldest"));
        });
        return new StuckSagas.Snapshot(now, byType, ageInSeconds(oldest[0], now));
    }

    /** Forgets sagas that ended before the retention period; their journal stays. */
    public int purgeEnded() {
        return jdbc.update("delete from saga_instance where ended_at < :retainedSince", params(clock.instant()));
    }

    private String activeSql(String select, SagaFilter filter, Collection<SagaStatus> statuses,
                             MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(SagaSql.WITH_SAGA_DEADLINES)
                .append(" select ").append(select).append(" from saga_instance s where s.ended_at is null")
                .append(" and s.status in (:statuses)");
        params.addValue("statuses", statuses.stream().map(SagaStatus::name).toList());
        SagaSql.appendFilter(filter, sql, params);
        return sql.toString();
    }

    private MapSqlParameterSource params(Instant now) {
        return new MapSqlParameterSource()
                .addValue("stuckBefore", SagaSql.timestamp(now.minus(properties.stuckAfter())))
                .addValue("retainedSince", SagaSql.timestamp(now.minus(properties.retention())));
    }

    private static SagaSummary summary(ResultSet row) throws SQLException {
        return new SagaSummary(
                row.getString("saga_id"),
                row.getString("saga_type"),
                row.getString("saga_key"),
                row.getObject("tenant_id", UUID.class),
                SagaStatus.valueOf(row.getString("status")),
                row.getString("current_step"),
                row.getInt("attempts"),
                row.getString("last_error"),
                instant(row, "started_at"),
                instant(row, "last_progress_at"),
                instant(row, "ended_at"),
                row.getBoolean("stuck"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Long ageInSeconds(Instant since, Instant now) {
        return since == null ? null : Math.max(0, Duration.between(since, now).toSeconds());
    }

    private static final class Counts {
        final Map<SagaStatus, Long> byStatus = new EnumMap<>(SagaStatus.class);
        long stuck;
        Instant oldestStuck;

        void oldestStuck(Instant candidate) {
            oldestStuck = earlier(oldestStuck, candidate);
        }
    }
}
