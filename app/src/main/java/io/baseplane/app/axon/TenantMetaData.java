package io.baseplane.app.axon;

import io.baseplane.kernel.common.MetaDataKeys;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * Gives every event the {@code tenantId} metadata of the tenant it belongs to. Callers inside a tenant
 * already carry it from their token; a platform operator has none, so their events (a tenant's creation,
 * a suspension) take it from the event itself, where every event of the published language names its
 * tenant. Auditors can then filter the whole log by tenant.
 */
@Component
class TenantMetaData implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Map<Class<?>, Optional<RecordComponent>> tenantComponents = new ConcurrentHashMap<>();

    TenantMetaData(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> withTenant(event);
    }

    private EventMessage<?> withTenant(EventMessage<?> event) {
        if (event.getMetaData().containsKey(MetaDataKeys.TENANT_ID)) {
            return event;
        }
        Optional<String> tenant = tenantOf(event.getPayload());
        return tenant.isPresent() ? event.andMetaData(Map.of(MetaDataKeys.TENANT_ID, tenant.get())) : event;
    }

    private Optional<String> tenantOf(Object payload) {
        return tenantComponents.computeIfAbsent(payload.getClass(), TenantMetaData::tenantComponent)
                .map(component -> {
                    try {
                        Object tenant = component.getAccessor().invoke(payload);
                        return tenant == null ? null : tenant.toString();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read tenantId of " + payload.getClass(), e);
                    }
                });
    }

    private static Optional<RecordComponent> tenantComponent(Class<?> type) {
        return type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals("tenantId")).findFirst()
                : Optional.empty();
    }
}
