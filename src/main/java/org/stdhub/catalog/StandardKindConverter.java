package org.stdhub.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link StandardKind} by its stable code ("national-recommended"). */
@Converter
class StandardKindConverter implements AttributeConverter<StandardKind, String> {

    @Override
    public String convertToDatabaseColumn(StandardKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public StandardKind convertToEntityAttribute(String code) {
        return code == null ? null : StandardKind.fromCode(code);
    }
}
