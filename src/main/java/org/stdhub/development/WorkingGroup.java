package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A working group of an alliance: its name, its convenor and its members (people of the alliance). */
@Entity
@Table(name = "working_group")
class WorkingGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alliance_id", nullable = false, updatable = false)
    private long allianceId;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "convenor_id", nullable = false)
    private long convenorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "working_group_member", joinColumns = @JoinColumn(name = "working_group_id"))
    @Column(name = "person_id")
    private Set<Long> members = new LinkedHashSet<>();

    protected WorkingGroup() {}

    WorkingGroup(long allianceId, String nameZh, long convenorId, Instant createdAt) {
        this.allianceId = allianceId;
        this.nameZh = nameZh;
        this.convenorId = convenorId;
        this.createdAt = createdAt;
        this.members.add(convenorId);
    }

    boolean addMember(long personId) {
        return members.add(personId);
    }

    Long getId() {
        return id;
    }

    long getAllianceId() {
        return allianceId;
    }

    String getNameZh() {
        return nameZh;
    }

    long getConvenorId() {
        return convenorId;
    }

    Set<Long> getMembers() {
        return Set.copyOf(members);
    }
}
