package org.maplebridge.intake;

import java.time.Clock;
import java.time.Year;
import java.util.Optional;
import java.util.UUID;
import org.maplebridge.intake.ClientRegistry.RegisteredClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives each new client a human reference {@code C-<year>-<6 digits>}, unique and never reused, and
 * finds clients already registered. Runs inside the command's transaction, so a reference is only
 * taken when the intake is stored.
 */
@Component
class JdbcClientRegistry implements ClientRegistry {
  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcClientRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  @Override
  public RegisteredClient register(UUID clientId, String unit) {
    int year = Year.now(clock).getValue();
    // The counter row is locked until the intake commits: concurrent intakes queue for it and
    // never share a number.
    int number =
        jdbc.sql(
                """
                INSERT INTO client_reference_counter (year, last_number) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE
                  SET last_number = client_reference_counter.last_number + 1
                RETURNING last_number
                """)
            .param("year", year)
            .query(Integer.class)
            .single();
    String reference = String.format("C-%d-%06d", year, number);
    jdbc.sql("INSERT INTO client_registry (client_id, reference, unit) VALUES (:id, :ref, :unit)")
        .param("id", clientId)
        .param("ref", reference)
        .param("unit", unit)
        .update();
    return new RegisteredClient(clientId, reference, unit);
  }

  @Override
  public Optional<RegisteredClient> find(UUID clientId) {
    return jdbc.sql("SELECT client_id, reference, unit FROM client_registry WHERE client_id = :id")
        .param("id", clientId)
        .query(
            (row, n) ->
                new RegisteredClient(
                    row.getObject("client_id", UUID.class),
                    row.getString("reference"),
                    row.getString("unit")))
        .optional();
  }
}
