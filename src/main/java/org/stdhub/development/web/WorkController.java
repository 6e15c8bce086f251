package org.stdhub.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.stdhub.development.MyWork;
import org.stdhub.development.Notices;
import org.stdhub.development.WorkItem;

/** "My work" (signed in) and the public notices of open comment periods, as pages and JSON. */
@Controller
@Tag(name = "development", description = "Alliances, group standard projects, stages and ballots")
class WorkController {

    private final MyWork work;
    private final Notices notices;

    WorkController(MyWork work, Notices notices) {
        this.work = work;
        this.notices = notices;
    }

    @GetMapping("/my-work")
    String myWork(Model model) {
        model.addAttribute("items", work.mine());
        return "development/my-work";
    }

    @GetMapping(path = "/api/v1/my-work", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "What the caller must do now, what they wait on others for, and their open proposals")
    List<WorkItem> myWorkApi() {
        return work.mine();
    }

    @GetMapping("/notices")
    String notices(Model model) {
        model.addAttribute("notices", notices.open());
        return "development/notices";
    }

    @GetMapping(path = "/api/v1/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Open comment periods of group standard projects (public notices)")
    List<Notices.Notice> noticesApi() {
        return notices.open();
    }
}
