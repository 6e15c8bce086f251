package org.stdhub.catalog.importing;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.stdhub.catalog.Adoption;
import org.stdhub.catalog.Standard;

/**
 * Builds {@link Standard} instances from the records an import has just written, the way Hibernate itself builds an
 * entity from a row (its persister's instantiator and property setters), so that the search index is fed from the
 * import instead of reading every standard back. The instances are never attached to a persistence context; only
 * what the index reads from them is meaningful.
 */
final class StandardImages implements AutoCloseable {

    private final SharedSessionContractImplementor session;
    private final EntityPersister standards;
    private final EntityPersister adoptions;

    StandardImages(EntityManagerFactory emf) {
        SessionFactoryImplementor factory = emf.unwrap(SessionFactoryImplementor.class);
        this.session = (SharedSessionContractImplementor) factory.openStatelessSession();
        this.standards = factory.getMappingMetamodel().getEntityDescriptor(Standard.class);
        this.adoptions = factory.getMappingMetamodel().getEntityDescriptor(Adoption.class);
    }

    /** The standard with this id as {@code r} describes it; {@code adopterTitlesZh}: Chinese standards adopting it. */
    Standard of(long id, StandardRecord r, long batchId, Instant now, List<String> adopterTitlesZh) {
        var d = r.designation();
        Map<String, Object> values = new HashMap<>(48);
        values.put("designation", d.normalized());
        values.put("designationKey", d.compactKey());
        values.put("workKey", d.compactWorkKey());
        values.put("body", StandardTable.truncate(d.body(), 60));
        values.put("prefix", StandardTable.truncate(d.prefix(), 60));
        values.put("kind", d.kind());
        values.put("number", d.number());
        values.put("part", d.part());
        values.put("year", d.year());
        values.put("docType", r.docType() != null ? r.docType() : d.type());
        values.put("publisher", r.publisher());
        values.put("titleZh", r.titleZh());
        values.put("titleEn", r.titleEn());
        values.put("status", r.status());
        values.put("statusRaw", r.statusRaw());
        values.put("published", r.published());
        values.put("implemented", r.implemented());
        values.put("implementedNote", r.implementedNote());
        values.put("withdrawn", r.withdrawn());
        values.put("committee", r.committee());
        values.put("category", r.category());
        values.put("source", r.source());
        values.put("importBatchId", batchId);
        values.put("createdAt", now);
        values.put("updatedAt", now);
        values.put("version", 0);
        values.put("ics", new TreeSet<>(r.ics()));
        values.put("ccs", new TreeSet<>(r.ccs()));
        values.put("relations", new ArrayList<>());
        values.put("adoptions", new ArrayList<>());
        List<Adoption> adoptedBy = new ArrayList<>(adopterTitlesZh.size());
        for (String title : adopterTitlesZh) {
            Standard adopter = (Standard) instantiate(standards, null, Map.of("titleZh", title, "version", 0));
            adoptedBy.add((Adoption) instantiate(adoptions, null, Map.of("standard", adopter)));
        }
        values.put("adoptedBy", adoptedBy);
        return (Standard) instantiate(standards, id, values);
    }

    private Object instantiate(EntityPersister persister, Object id, Map<String, Object> values) {
        String[] names = persister.getPropertyNames();
        Object entity = persister.instantiate(id, session);
        Object[] row = new Object[names.length];
        int set = 0;
        for (int i = 0; i < names.length; i++) {
            Object value = values.get(names[i]);
            if (value == null
                    && persister.getPropertyTypes()[i].getReturnedClass().isPrimitive()) {
                value = 0;
            }
            if (values.containsKey(names[i])) {
                set++;
            }
            row[i] = value;
        }
        if (set != values.size()) {
            // a property was renamed or dropped: the index would silently miss it
            throw new IllegalStateException(persister.getEntityName() + " has no property among " + values.keySet());
        }
        persister.setValues(entity, row);
        return entity;
    }

    @Override
    public void close() {
        session.close();
    }
}
