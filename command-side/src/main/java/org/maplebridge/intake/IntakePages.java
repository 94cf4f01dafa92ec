package org.maplebridge.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.intake.IntakeCommands.OpenIntake;
import org.maplebridge.intake.IntakeCommands.ReturningClient;
import org.maplebridge.write.StoredPosition;
import org.maplebridge.write.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The new-intake form: its post is the same OpenIntake command the API sends. */
@Controller
class IntakePages {
  private final CommandGateway commands;
  private final StoredPosition stored;

  IntakePages(CommandGateway commands, StoredPosition stored) {
    this.commands = commands;
    this.stored = stored;
  }

  /** What the form asks; checked like the API's request. */
  static class IntakeForm {
    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = Text.SINGLE_LINE)
    String name;

    @NotNull
    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    LocalDate birthDate;

    @NotBlank
    @Pattern(regexp = "\\+?[0-9 ()-]{3,30}")
    String phone;

    @NotNull IntakeSource source = IntakeSource.WALK_IN;

    @NotBlank
    @Size(max = 4000)
    @Pattern(regexp = Text.MULTI_LINE)
    String concern;

    @NotNull Urgency urgency = Urgency.ROUTINE;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public LocalDate getBirthDate() {
      return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
      this.birthDate = birthDate;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    public IntakeSource getSource() {
      return source;
    }

    public void setSource(IntakeSource source) {
      this.source = source;
    }

    public String getConcern() {
      return concern;
    }

    public void setConcern(String concern) {
      this.concern = concern;
    }

    public Urgency getUrgency() {
      return urgency;
    }

    public void setUrgency(Urgency urgency) {
      this.urgency = urgency;
    }
  }

  @GetMapping("/intakes/new")
  String form(Model model) {
    model.addAttribute("intake", new IntakeForm());
    return choices(model);
  }

  @PostMapping("/intakes/new")
  String open(@Valid @ModelAttribute("intake") IntakeForm form, BindingResult errors, Model model) {
    if (errors.hasErrors()) {
      return choices(model);
    }
    commands.sendAndWait(
        new OpenIntake(
            UUID.randomUUID(),
            new ClientIdentity(form.name, form.birthDate, form.phone, null, null),
            (ReturningClient) null,
            form.source,
            form.concern,
            form.urgency,
            Set.of(),
            null));
    long written = stored.now();
    return "redirect:/caseload?after=" + written;
  }

  private static String choices(Model model) {
    model.addAttribute("sources", IntakeSource.values());
    model.addAttribute("urgencies", Urgency.values());
    return "intake-new";
  }
}
