package org.stdhub.development;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public notices of open comment periods (as the national group-standards platform publishes them): every project in
 * its comment period, with its alliance, the period and the latest draft version, for anyone.
 */
@Service
@Transactional(readOnly = true)
public class Notices {

    /** One notice. {@code draftId} is the latest draft version, downloadable by anyone signed in during the period. */
    public record Notice(
            long projectId,
            String titleZh,
            String titleEn,
            String allianceName,
            String alliancePrefix,
            Instant opensAt,
            Instant closesAt,
            Long draftId,
            String draftName,
            boolean demo) {}

    private final ProjectRepository projects;
    private final AllianceRepository alliances;
    private final DraftVersionRepository drafts;
    private final Clock clock;

    Notices(ProjectRepository projects, AllianceRepository alliances, DraftVersionRepository drafts, Clock clock) {
        this.projects = projects;
        this.alliances = alliances;
        this.drafts = drafts;
        this.clock = clock;
    }

    public List<Notice> open() {
        Instant now = clock.instant();
        return projects.findByStageInOrderByCommentClosesAtAsc(List.of(Stage.COMMENT_PERIOD.code())).stream()
                .filter(p -> p.getCommentClosesAt() != null && now.isBefore(p.getCommentClosesAt()))
                .map(p -> {
                    Alliance a = alliances.findById(p.getAllianceId()).orElseThrow();
                    var latest = drafts.findByProjectIdOrderByVersionNoAsc(p.getId()).stream()
                            .reduce((x, y) -> y);
                    return new Notice(
                            p.getId(),
                            p.getTitleZh(),
                            p.getTitleEn(),
                            a.getNameZh(),
                            a.prefix(),
                            p.getCommentOpensAt(),
                            p.getCommentClosesAt(),
                            latest.map(d -> d.view().id()).orElse(null),
                            latest.map(DraftVersion::getFileName).orElse(null),
                            p.isDemo() || a.isDemo());
                })
                .toList();
    }
}
