package org.stdhub.catalog;

import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

/** Indexes a {@link StandardKind} by its stable code. */
public class StandardKindBridge implements ValueBridge<StandardKind, String> {

    @Override
    public String toIndexedValue(StandardKind kind, ValueBridgeToIndexedValueContext context) {
        return kind == null ? null : kind.code();
    }
}
