package org.stdhub.research.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.IdList;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.research.CommitteeOpinions;
import org.stdhub.research.MilestoneStatus;
import org.stdhub.research.ResearchProjectForm;
import org.stdhub.research.ResearchProjectView;
import org.stdhub.research.ResearchProjects;

/**
 * The page forms of research projects: propose, edit (topic, plan, outputs, team, milestones, links), start,
 * conclude and publish, through the same service and rules as the API. Bad input shows the form again with what was
 * entered and the reasons (400); a step refused by the workflow comes back as a message; someone else's project is
 * refused (403) or not found (404).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ResearchFormController {

    /** Blank milestone rows offered below the project's own. */
    static final int BLANK_MILESTONES = 3;

    private final ResearchProjects projects;
    private final CommitteeOpinions opinions;
    private final FormRefusals refusals;

    ResearchFormController(ResearchProjects projects, CommitteeOpinions opinions, FormRefusals refusals) {
        this.projects = projects;
        this.opinions = opinions;
        this.refusals = refusals;
    }

    /** The form as posted: milestones as parallel lists, ids as comma-separated text. */
    static final class ProjectPage {
        public String topic = "";
        public String plan = "";
        public String outputs = "";
        public String team = "";
        public String developmentProjectIds = "";
        public String patentIds = "";
        public List<String> milestoneTitle = new ArrayList<>();
        public List<String> milestoneDue = new ArrayList<>();
        public List<String> milestoneStatus = new ArrayList<>();

        public void setTopic(String v) {
            topic = v;
        }

        public void setPlan(String v) {
            plan = v;
        }

        public void setOutputs(String v) {
            outputs = v;
        }

        public void setTeam(String v) {
            team = v;
        }

        public void setDevelopmentProjectIds(String v) {
            developmentProjectIds = v;
        }

        public void setPatentIds(String v) {
            patentIds = v;
        }

        public void setMilestoneTitle(List<String> v) {
            milestoneTitle = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public void setMilestoneDue(List<String> v) {
            milestoneDue = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public void setMilestoneStatus(List<String> v) {
            milestoneStatus = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public String getTopic() {
            return topic;
        }

        public String getPlan() {
            return plan;
        }

        public String getOutputs() {
            return outputs;
        }

        public String getTeam() {
            return team;
        }

        public String getDevelopmentProjectIds() {
            return developmentProjectIds;
        }

        public String getPatentIds() {
            return patentIds;
        }

        /** The milestone rows to show: those entered plus blank ones. */
        public List<MilestoneRow> getRows() {
            List<MilestoneRow> rows = new ArrayList<>();
            for (int i = 0; i < milestoneTitle.size(); i++) {
                String title = milestoneTitle.get(i);
                String due = i < milestoneDue.size() ? milestoneDue.get(i) : "";
                if ((title == null || title.isBlank()) && (due == null || due.isBlank())) {
                    continue;
                }
                rows.add(new MilestoneRow(
                        title,
                        due,
                        i < milestoneStatus.size() ? milestoneStatus.get(i) : MilestoneStatus.PLANNED.name()));
            }
            for (int i = 0; i < BLANK_MILESTONES; i++) {
                rows.add(new MilestoneRow("", "", MilestoneStatus.PLANNED.name()));
            }
            return rows;
        }

        static ProjectPage of(ResearchProjectView p) {
            ProjectPage f = new ProjectPage();
            f.topic = p.topic();
            f.plan = p.plan() == null ? "" : p.plan();
            f.outputs = p.outputs() == null ? "" : p.outputs();
            f.team = String.join(
                    ", ",
                    p.team().stream().map(m -> String.valueOf(m.personId())).toList());
            f.developmentProjectIds = String.join(
                    ", ",
                    p.developmentProjectIds().stream().map(String::valueOf).toList());
            f.patentIds = String.join(
                    ", ", p.patentIds().stream().map(String::valueOf).toList());
            for (ResearchProjectView.Milestone m : p.milestones()) {
                f.milestoneTitle.add(m.title());
                f.milestoneDue.add(m.dueOn().toString());
                f.milestoneStatus.add(m.status().name());
            }
            return f;
        }

        /** The service's form; bad ids or dates refused with the field they were in. */
        ResearchProjectForm toForm() {
            Map<String, String> errors = new LinkedHashMap<>();
            List<Long> teamIds = ids(team, "team", errors);
            List<Long> projectIds = ids(developmentProjectIds, "developmentProjectIds", errors);
            List<Long> patents = ids(patentIds, "patentIds", errors);
            List<ResearchProjectForm.MilestoneForm> milestones = new ArrayList<>();
            for (int i = 0; i < milestoneTitle.size(); i++) {
                String title = milestoneTitle.get(i);
                String due = i < milestoneDue.size() ? milestoneDue.get(i) : null;
                if ((title == null || title.isBlank()) && (due == null || due.isBlank())) {
                    continue;
                }
                LocalDate dueOn = null;
                if (due != null && !due.isBlank()) {
                    try {
                        dueOn = LocalDate.parse(due.strip());
                    } catch (DateTimeParseException e) {
                        errors.put("milestones", "research.error.milestone-date");
                    }
                }
                milestones.add(new ResearchProjectForm.MilestoneForm(
                        title, dueOn, i < milestoneStatus.size() ? milestoneStatus.get(i) : null));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new ResearchProjectForm(topic, plan, outputs, teamIds, milestones, projectIds, patents);
        }

        private static List<Long> ids(String text, String field, Map<String, String> errors) {
            return IdList.read(text).orElseGet(() -> {
                errors.put(field, "research.error.ids");
                return List.of();
            });
        }
    }

    /** A milestone row of the form. */
    public record MilestoneRow(String title, String due, String status) {}

    @GetMapping("/research/projects/new")
    String proposeForm(Model model) {
        return form(model, new ProjectPage(), null);
    }

    @PostMapping("/research/projects")
    String propose(
            @ModelAttribute("form") ProjectPage form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            ResearchProjectView p = projects.propose(form.toForm());
            redirect.addFlashAttribute("notice", "research.project.proposed");
            return "redirect:/research/projects/" + p.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.fieldErrors());
            return form(model, form, null);
        }
    }

    @GetMapping("/research/projects/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ResearchProjectView p = projects.get(id);
        if (!p.editable()) {
            throw new org.stdhub.platform.NotPermittedException("research.error.not-team");
        }
        return form(model, ProjectPage.of(p), p);
    }

    @PostMapping("/research/projects/{id}")
    String edit(
            @PathVariable long id,
            @ModelAttribute("form") ProjectPage form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            projects.edit(id, form.toForm());
            redirect.addFlashAttribute("notice", "research.project.saved");
            return "redirect:/research/projects/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.fieldErrors());
            return form(model, form, projects.get(id));
        }
    }

    @PostMapping("/research/projects/{id}/{action:start|conclude}")
    String transition(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String comment,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            projects.transition(id, action, comment);
            redirect.addFlashAttribute("notice", "research.project.done." + action);
        } catch (ConflictException | InvalidInputException e) {
            refusals.flash(e, redirect, locale);
        }
        return "redirect:/research/projects/" + id;
    }

    @PostMapping("/research/projects/{id}/publish")
    String publish(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            projects.publish(id);
            redirect.addFlashAttribute("notice", "research.project.done.publish");
        } catch (ConflictException e) {
            refusals.flash(e, redirect, locale);
        }
        return "redirect:/research/projects/" + id;
    }

    @PostMapping("/research/projects/{id}/opinions")
    String recordOpinion(
            @PathVariable long id,
            @RequestParam(required = false) Long meetingId,
            @RequestParam(required = false) String text,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            opinions.record(id, meetingId, text);
            redirect.addFlashAttribute("notice", "research.opinions.recorded");
        } catch (InvalidInputException e) {
            refusals.flash(e, redirect, locale);
        }
        return "redirect:/research/projects/" + id + "#committee-opinions";
    }

    private String form(Model model, ProjectPage form, ResearchProjectView project) {
        model.addAttribute("form", form);
        model.addAttribute("project", project);
        model.addAttribute("statuses", MilestoneStatus.values());
        return "research/project-form";
    }
}
