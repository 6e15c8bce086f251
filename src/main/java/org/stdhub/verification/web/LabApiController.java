package org.stdhub.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.verification.LabView;
import org.stdhub.verification.Labs;

/** The verification center's labs for machine clients: public directory; profile and equipment by their keepers. */
@RestController
@RequestMapping(path = "/api/v1/labs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "verification", description = "Labs, verification tasks on drafts, inter-laboratory comparison")
class LabApiController {

    record Calibration(LocalDate calibrationDue) {}

    private final Labs labs;

    LabApiController(Labs labs) {
        this.labs = labs;
    }

    @GetMapping
    @Operation(summary = "The labs of the verification center, with expired accreditation and calibration due flagged")
    List<LabView> list() {
        return labs.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lab: fields, accreditation, equipment with calibration due dates, capacity")
    LabView get(@PathVariable long id) {
        return labs.get(id);
    }

    @PutMapping(path = "/{id}/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a lab's profile (the base office, or an engineer of the lab); the organization must be of"
                    + " kind LAB")
    LabView profile(@PathVariable long id, @RequestBody LabView.Profile body) {
        return labs.saveProfile(id, body);
    }

    @PostMapping(path = "/{id}/equipment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an instrument with its calibration due date (the base office or the lab's engineers)")
    ResponseEntity<LabView.EquipmentView> addEquipment(@PathVariable long id, @RequestBody LabView.NewEquipment body) {
        LabView.EquipmentView created = labs.addEquipment(id, body);
        return ResponseEntity.created(URI.create("/api/v1/labs/" + id)).body(created);
    }

    @PutMapping(path = "/equipment/{equipmentId}/calibration", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a calibration: the instrument's next due date (a future date)")
    LabView.EquipmentView recalibrate(@PathVariable long equipmentId, @RequestBody Calibration body) {
        return labs.recalibrate(equipmentId, body == null ? null : body.calibrationDue());
    }
}
