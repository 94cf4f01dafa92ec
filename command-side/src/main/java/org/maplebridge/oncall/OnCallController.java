package org.maplebridge.oncall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.oncall.OnCallPeriod;
import org.maplebridge.oncall.OnCallRoster.SetOnCallRoster;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The write API of the on-call roster. */
@RestController
@Tag(name = "On call", description = "Who holds each tier of the escalation ladder when")
class OnCallController {
  private final CommandGateway commands;

  OnCallController(CommandGateway commands) {
    this.commands = commands;
  }

  record Period(
      @NotNull EscalationTier tier,
      @NotBlank @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE) String username,
      @NotNull OffsetDateTime from,
      @NotNull OffsetDateTime to) {}

  record Roster(@NotNull @Size(max = 500) List<@NotNull @Valid Period> periods) {}

  @PutMapping("/api/units/{unit}/on-call")
  @Operation(summary = "Supervisor: set the unit's on-call roster (the whole roster, replaced)")
  ResponseEntity<Void> set(@PathVariable String unit, @Valid @RequestBody Roster roster) {
    commands.sendAndWait(
        new SetOnCallRoster(
            OnCallRoster.idOf(unit),
            unit,
            roster.periods().stream()
                .map(
                    period ->
                        new OnCallPeriod(
                            period.tier(),
                            period.username(),
                            period.from().toInstant(),
                            period.to().toInstant()))
                .toList()));
    return ResponseEntity.noContent().build();
  }
}
