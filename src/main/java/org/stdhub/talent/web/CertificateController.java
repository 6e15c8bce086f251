package org.stdhub.talent.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.stdhub.talent.CertificateView;
import org.stdhub.talent.Certificates;
import org.stdhub.talent.DrawForms;

/**
 * Certificates: the public verification page {@code /certificates/{number}} and {@code GET
 * /api/v1/certificates/{number}}; issuing, revoking and listing for trainers and the base office; a person's own.
 */
@Controller
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/certificates/{number}")
    String page(@PathVariable String number, Model model) {
        model.addAttribute("certificate", certificates.verify(number));
        return "talent/certificate";
    }

    /** Public: the certificate as a PDF with the QR code of its verification page. */
    @GetMapping("/certificates/{number}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        byte[] pdf = certificates.pdf(number);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline()
                                .filename("certificate-"
                                        + certificates.verify(number).number() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping("/api/v1/certificates/{number}")
    @ResponseBody
    CertificateView verify(@PathVariable String number) {
        return certificates.verify(number);
    }

    @GetMapping("/api/v1/certificates")
    @ResponseBody
    List<CertificateView> latest() {
        return certificates.latest();
    }

    @GetMapping("/api/v1/certificates/mine")
    @ResponseBody
    List<CertificateView> mine() {
        return certificates.mine();
    }

    @PostMapping("/api/v1/certificates")
    @ResponseBody
    ResponseEntity<CertificateView> issue(@RequestBody Certificates.IssueForm body) {
        CertificateView issued = certificates.issue(body);
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + issued.number()))
                .body(issued);
    }

    @PostMapping("/api/v1/certificates/{number}/revoke")
    @ResponseBody
    CertificateView revoke(@PathVariable String number, @RequestBody DrawForms.Reason body) {
        return certificates.revoke(number, body == null ? null : body.reason());
    }
}
