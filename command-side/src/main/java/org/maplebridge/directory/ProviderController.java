package org.maplebridge.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.directory.ServiceProvider.RegisterProvider;
import org.maplebridge.directory.ServiceProvider.UpdateProvider;
import org.maplebridge.events.directory.CapacityStatus;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.write.Created;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The write API of the service directory (administrators). */
@RestController
@Tag(name = "Service directory", description = "Providers people can be referred to")
class ProviderController {
  private final CommandGateway commands;

  ProviderController(CommandGateway commands) {
    this.commands = commands;
  }

  record ProviderRequest(
      @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String organisation,
      @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String serviceName,
      @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String description,
      @NotEmpty Set<@NotNull ServiceType> serviceTypes,
      @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String eligibility,
      List<@NotBlank @Size(max = 40) String> languages,
      @NotBlank @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE) String area,
      @NotNull CapacityStatus capacity,
      @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{3,40}") String phone,
      @Email @Size(max = 200) String email,
      @Size(max = 400) @Pattern(regexp = Text.SINGLE_LINE) String address,
      @Size(max = 400) @Pattern(regexp = "https?://\\S+") String website) {

    ProviderDetails details() {
      return new ProviderDetails(
          organisation,
          serviceName,
          description,
          Set.copyOf(serviceTypes),
          eligibility,
          languages == null ? List.of() : List.copyOf(languages),
          area,
          capacity,
          phone,
          email,
          address,
          website);
    }
  }

  @PostMapping("/api/providers")
  @Operation(summary = "Add a provider to the service directory (admin)")
  ResponseEntity<Created> register(@Valid @RequestBody ProviderRequest request) {
    UUID id = UUID.randomUUID();
    commands.sendAndWait(new RegisterProvider(id, request.details()));
    return Created.at("/api/providers/" + id, id);
  }

  @PutMapping("/api/providers/{id}")
  @Operation(summary = "Replace a provider's directory entry (admin)")
  ResponseEntity<Void> update(@PathVariable UUID id, @Valid @RequestBody ProviderRequest request) {
    commands.sendAndWait(new UpdateProvider(id, request.details(), true));
    return ResponseEntity.noContent().build();
  }
}
