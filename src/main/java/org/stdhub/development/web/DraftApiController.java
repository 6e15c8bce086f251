package org.stdhub.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.development.CommentEntry;
import org.stdhub.development.CommentView;
import org.stdhub.development.Comments;
import org.stdhub.development.Disposition;
import org.stdhub.development.DraftView;
import org.stdhub.development.Drafts;
import org.stdhub.development.NormativeReferences;
import org.stdhub.development.PatentView;
import org.stdhub.development.Patents;
import org.stdhub.development.ReferenceCheckView;

/** Draft versions and the comment table of a project for machine clients. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "development", description = "Alliances, group standard projects, stages and ballots")
class DraftApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record DispositionRequest(Disposition disposition, String observations) {}

    /** Designations entered by hand; none (or an empty body) reads them from the draft's text. */
    record ReferencesRequest(List<String> designations) {}

    private final Drafts drafts;
    private final Comments comments;
    private final Patents patents;

    private final NormativeReferences references;

    DraftApiController(Drafts drafts, Comments comments, Patents patents, NormativeReferences references) {
        this.drafts = drafts;
        this.comments = comments;
        this.patents = patents;
        this.references = references;
    }

    @GetMapping(path = "/projects/{id}/drafts/{draftId}/references", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The normative-reference check of a draft version: each cited standard with the validity check's"
                    + " verdict (withdrawn-replaced with the current replacement, edition-outdated, not-found, ...)")
    ReferenceCheckView references(@PathVariable long id, @PathVariable long draftId, java.util.Locale locale) {
        return references.of(id, draftId, locale);
    }

    @PostMapping(
            path = "/projects/{id}/drafts/{draftId}/references",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Add normative references to a draft version (the alliance's people): the designations given, or"
                    + " with none those read from the draft's docx/pdf text; returns the check")
    ReferenceCheckView addReferences(
            @PathVariable long id,
            @PathVariable long draftId,
            @RequestBody(required = false) ReferencesRequest body,
            java.util.Locale locale) {
        return references.add(id, draftId, body == null ? null : body.designations(), locale);
    }

    @GetMapping(path = "/projects/{id}/patents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Patent declarations on the project")
    List<PatentView> patents(@PathVariable long id) {
        return patents.of(id);
    }

    @PostMapping(
            path = "/projects/{id}/patents",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Declare a patent (holder, number, licensing FREE/FRAND/UNWILLING); 409 when declared already")
    PatentView declare(@PathVariable long id, @RequestBody Patents.NewDeclaration body) {
        return patents.declare(id, body);
    }

    @GetMapping(path = "/projects/{id}/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The project's draft versions: who uploaded what, when and why")
    List<DraftView> list(@PathVariable long id) {
        return drafts.of(id);
    }

    @PostMapping(
            path = "/projects/{id}/drafts",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a draft version (docx or pdf by content, 5 MB; the alliance's people) with a reason")
    ResponseEntity<DraftView> upload(
            @PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam String reason) {
        DraftView created = drafts.upload(id, file.getOriginalFilename(), bytes(file), reason);
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + created.id() + "/file"))
                .body(created);
    }

    @GetMapping("/drafts/{id}/file")
    @Operation(
            summary = "A draft version's file (the alliance's people, the base office; anyone signed in while"
                    + " the project is in its public comment period)")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        Drafts.DraftFile f = drafts.download(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(f.content());
    }

    @GetMapping(path = "/projects/{id}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The project's comments with their dispositions")
    List<CommentView> comments(@PathVariable long id) {
        return comments.of(id);
    }

    @PostMapping(
            path = "/projects/{id}/comments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Comment while the comment period is open (anyone signed in); 409 after its close")
    CommentView comment(@PathVariable long id, @RequestBody CommentEntry body) {
        return comments.submit(id, body);
    }

    @PostMapping(
            path = "/projects/{id}/comments/{seq}/disposition",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the drafting group's disposition of a comment (the alliance's secretariat)")
    CommentView dispose(@PathVariable long id, @PathVariable int seq, @RequestBody DispositionRequest body) {
        return comments.dispose(id, seq, body.disposition(), body.observations());
    }

    @GetMapping("/projects/{id}/comments.xlsx")
    @Operation(summary = "The comment table as xlsx in the ISO commenting template's layout")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("comments-" + id + ".xlsx")
                                .build()
                                .toString())
                .body(comments.export(id));
    }

    @PostMapping(
            path = "/projects/{id}/comments/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a filled-in comment table: new rows become comments, numbered rows take dispositions")
    Comments.Imported importTable(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        return comments.importTable(id, bytes(file));
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
