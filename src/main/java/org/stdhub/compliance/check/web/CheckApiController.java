package org.stdhub.compliance.check.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.compliance.CheckInputException;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.compliance.check.ListReader;
import org.stdhub.platform.RateLimited;

/**
 * The validity check as a JSON API. Public: anonymous callers may check 200 lines, signed-in ones (session or
 * API token) 10,000. Nothing is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "compliance", description = "Validity check (查新) of lists of standards")
class CheckApiController {

    /** A list to check: one designation per element, in any form people type. */
    record CheckRequest(List<String> designations) {}

    private final ValidityCheck check;
    private final ListReader reader;

    CheckApiController(ValidityCheck check, ListReader reader) {
        this.check = check;
        this.reader = reader;
    }

    @RateLimited
    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Check a list of designations: current, upcoming, outdated edition, withdrawn and what"
                    + " replaces it today, not found (with suggestions) or unreadable (with the reason)")
    CheckReport checkList(@RequestBody CheckRequest request, Principal principal) {
        return check.checkDesignations(
                request == null ? null : request.designations(), principal != null, LocaleContextHolder.getLocale());
    }

    @RateLimited
    @PostMapping(path = "/check", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Check a list given as plain text, one designation per line")
    CheckReport checkText(@RequestBody(required = false) String text, Principal principal) {
        return check.check(reader.readText(text), principal != null, LocaleContextHolder.getLocale());
    }

    @RateLimited
    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check an uploaded list: .txt or .csv (UTF-8 or GBK) or .xlsx (first sheet), at most 5 MB")
    CheckReport checkFile(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false)
                    @Parameter(
                            description =
                                    "header of the column with the designations (CSV, Excel); default: the first column")
                    String column,
            Principal principal)
            throws IOException {
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isEmpty())) {
            throw new CheckInputException("compliance.error.file-missing");
        }
        return check.check(
                reader.readFile(file.getOriginalFilename(), file.getBytes(), column, principal != null),
                principal != null,
                LocaleContextHolder.getLocale());
    }
}
