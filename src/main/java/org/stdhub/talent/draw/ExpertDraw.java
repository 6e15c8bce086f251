package org.stdhub.talent.draw;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stdhub.talent.DrawPurpose;
import org.stdhub.talent.DrawState;

/**
 * A draw of experts: its request, its frozen inputs and commitment, the revealed seed and its ordered result. Each
 * step method refuses the wrong state; nothing of a finished step is rewritten.
 */
@Entity
@Table(name = "expert_draw")
public class ExpertDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DrawPurpose purpose;

    @Column(nullable = false)
    private String subject;

    @Column(name = "field_codes", nullable = false)
    private String fieldCodes;

    @Column(nullable = false)
    private int members;

    @Column(nullable = false)
    private int reserves;

    @Column(name = "supervising_org_id")
    private Long supervisingOrgId;

    @Column(name = "responsible_person_id", nullable = false)
    private long responsiblePersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DrawState state;

    @Column(name = "pool_ids")
    private String poolIds;

    @Column(name = "eligible_ids")
    private String eligibleIds;

    @Column(name = "inputs_hash")
    private String inputsHash;

    @Column(name = "seed_commitment")
    private String seedCommitment;

    private String seed;

    private String algorithm;

    private String decision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "committed_at")
    private Instant committedAt;

    @Column(name = "drawn_at")
    private Instant drawnAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @OneToMany(mappedBy = "draw", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<DrawParty> parties = new ArrayList<>();

    @OneToMany(mappedBy = "draw", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<DrawExclusion> exclusions = new ArrayList<>();

    @OneToMany(mappedBy = "draw", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<DrawPosition> positions = new ArrayList<>();

    @Version
    private int version;

    protected ExpertDraw() {}

    public ExpertDraw(
            DrawPurpose purpose,
            String subject,
            String fieldCodes,
            int members,
            int reserves,
            Long supervisingOrgId,
            long responsiblePersonId,
            Instant now) {
        this.purpose = purpose;
        this.subject = subject;
        this.fieldCodes = fieldCodes;
        this.members = members;
        this.reserves = reserves;
        this.supervisingOrgId = supervisingOrgId;
        this.responsiblePersonId = responsiblePersonId;
        this.state = DrawState.REQUESTED;
        this.createdAt = now;
    }

    public void addParty(DrawParty.Kind kind, Long organizationId, Long personId, Long expertId, String reason) {
        requireState(DrawState.REQUESTED);
        parties.add(new DrawParty(this, kind, organizationId, personId, expertId, reason));
    }

    /** Freezes the pool and the exclusions and records the commitment to the (still secret) seed. */
    public void commit(
            List<Long> pool,
            List<DrawExclusion.Frozen> frozen,
            List<Long> eligible,
            String inputsHash,
            String seedHex,
            String commitment,
            String algorithm,
            Instant now) {
        requireState(DrawState.REQUESTED);
        this.poolIds = DrawInputs.join(pool);
        this.eligibleIds = DrawInputs.join(eligible);
        for (DrawExclusion.Frozen f : frozen) {
            exclusions.add(new DrawExclusion(this, f.expertId(), f.rule(), f.reason(), false, now));
        }
        this.inputsHash = inputsHash;
        this.seed = seedHex;
        this.seedCommitment = commitment;
        this.algorithm = algorithm;
        this.committedAt = now;
        this.state = DrawState.COMMITTED;
    }

    /** Stores the ordered result: members first, then reserves in order. */
    public void drawn(List<Long> ordered, Instant now) {
        requireState(DrawState.COMMITTED);
        for (int i = 0; i < ordered.size(); i++) {
            boolean member = i < members;
            positions.add(new DrawPosition(this, i + 1, ordered.get(i), member));
        }
        this.drawnAt = now;
        this.state = DrawState.DRAWN;
    }

    public void decided(String decision, Instant now) {
        requireState(DrawState.DRAWN);
        this.decision = decision;
        this.decidedAt = now;
        this.state = DrawState.DECIDED;
    }

    public DrawExclusion excludeAfterDraw(long expertId, String rule, String reason, Instant now) {
        DrawExclusion e = new DrawExclusion(this, expertId, rule, reason, true, now);
        exclusions.add(e);
        return e;
    }

    private void requireState(DrawState expected) {
        if (state != expected) {
            throw new IllegalStateException("draw " + id + " is " + state + ", not " + expected);
        }
    }

    public List<Long> poolIdList() {
        return DrawInputs.split(poolIds);
    }

    public List<Long> eligibleIdList() {
        return DrawInputs.split(eligibleIds);
    }

    public List<String> fieldCodeList() {
        return Arrays.stream(fieldCodes.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    public Long getId() {
        return id;
    }

    public DrawPurpose getPurpose() {
        return purpose;
    }

    public String getSubject() {
        return subject;
    }

    public String getFieldCodes() {
        return fieldCodes;
    }

    public int getMembers() {
        return members;
    }

    public int getReserves() {
        return reserves;
    }

    public Long getSupervisingOrgId() {
        return supervisingOrgId;
    }

    public long getResponsiblePersonId() {
        return responsiblePersonId;
    }

    public DrawState getState() {
        return state;
    }

    public String getInputsHash() {
        return inputsHash;
    }

    public String getSeedCommitment() {
        return seedCommitment;
    }

    public String getSeed() {
        return seed;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getDecision() {
        return decision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCommittedAt() {
        return committedAt;
    }

    public Instant getDrawnAt() {
        return drawnAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public List<DrawParty> getParties() {
        return List.copyOf(parties);
    }

    public List<DrawExclusion> getExclusions() {
        return List.copyOf(exclusions);
    }

    public List<DrawPosition> getPositions() {
        return List.copyOf(positions);
    }
}
