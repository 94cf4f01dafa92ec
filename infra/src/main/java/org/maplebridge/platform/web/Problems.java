package org.maplebridge.platform.web;

import static org.maplebridge.platform.problem.ProblemResponses.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.serialization.SerializationException;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answers as RFC 9457 problem details with a stable type, a human detail and, for bad
 * input, the fields at fault. Nothing internal (stack traces, SQL) reaches the client.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(Problems.class);
  private final RuleMessages rules;

  Problems(RuleMessages rules) {
    this.rules = rules;
  }

  /**
   * The detail in the language of the request (the page's, from its cookie, or Accept-Language);
   * {@code rule} names the rule and {@code code} which of its explanations it is, for clients that
   * tell it in words of their own.
   */
  @ExceptionHandler(RuleViolated.class)
  ProblemDetail ruleViolated(RuleViolated e) {
    ProblemDetail problem =
        problem(
            HttpStatus.CONFLICT,
            "rule-violated",
            "A rule of the work was broken",
            rules.explanation(e, LocaleContextHolder.getLocale()));
    problem.setProperty("rule", e.rule());
    problem.setProperty("code", e.code());
    return problem;
  }

  /** An id of another kind of record (an intake's id on a referral path) is no such record. */
  @ExceptionHandler({
    RecordNotFound.class,
    AggregateNotFoundException.class,
    IncompatibleAggregateException.class
  })
  ProblemDetail notFound(Exception e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such record in your reach");
  }

  @ExceptionHandler(NotAllowed.class)
  ProblemDetail notAllowed(NotAllowed e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
  }

  @ExceptionHandler(UnauthorizedMessageException.class)
  ProblemDetail roleMayNot(UnauthorizedMessageException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role may not do this");
  }

  @ExceptionHandler(InvalidInput.class)
  ProblemDetail invalidInput(InvalidInput e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input", e.getMessage());
    problem.setProperty("errors", e.fieldErrors());
    return problem;
  }

  @ExceptionHandler({
    ConflictingModificationException.class,
    ConcurrencyException.class,
    AggregateStreamCreationException.class,
    LockAcquisitionFailedException.class
  })
  ProblemDetail conflict(Exception e) {
    String detail =
        e instanceof ConflictingAggregateVersionException
            ? "The record changed since you read it: reload and try again"
            : "Someone else changed the record at the same time: reload and try again";
    return problem(HttpStatus.CONFLICT, "conflict", "Conflicting change", detail);
  }

  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    EventStoreException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("Storage unavailable: {}", e.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Storage unavailable",
                "The record store cannot be reached; nothing was stored. Try again shortly."));
  }

  /**
   * Storing an event serializes it, and an encrypted field's data key is read then: a store lost at
   * that moment arrives wrapped by Jackson and Axon. It is still the store that is away (503).
   */
  @ExceptionHandler(SerializationException.class)
  ResponseEntity<?> serializationFailed(SerializationException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolated rule) {
        // new content for an erased person's record, refused when it was to be encrypted
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ruleViolated(rule));
      }
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof CannotCreateTransactionException) {
        return unavailable((Exception) cause);
      }
    }
    return unexpected(e);
  }

  /** Axon wraps what a remote handler threw; answer for the cause. */
  @ExceptionHandler(CommandExecutionException.class)
  ResponseEntity<Object> commandFailed(CommandExecutionException e, WebRequest request)
      throws Exception {
    Throwable cause = e.getCause();
    if (cause instanceof Exception exception && cause != e) {
      return handleAny(exception, request);
    }
    return unexpected(e);
  }

  private ResponseEntity<Object> handleAny(Exception e, WebRequest request) throws Exception {
    if (e instanceof RuleViolated r) return ResponseEntity.status(409).body(ruleViolated(r));
    if (e instanceof RecordNotFound
        || e instanceof AggregateNotFoundException
        || e instanceof IncompatibleAggregateException)
      return ResponseEntity.status(404).body(notFound(e));
    if (e instanceof NotAllowed n) return ResponseEntity.status(403).body(notAllowed(n));
    if (e instanceof UnauthorizedMessageException u)
      return ResponseEntity.status(403).body(roleMayNot(u));
    if (e instanceof InvalidInput i) return ResponseEntity.status(400).body(invalidInput(i));
    if (e instanceof ConflictingModificationException
        || e instanceof ConcurrencyException
        || e instanceof AggregateStreamCreationException)
      return ResponseEntity.status(409).body(conflict(e));
    return unexpected(e);
  }

  /** Signed in, but switched off since (or no staff member): sign in again. */
  @ExceptionHandler(AuthenticationException.class)
  ProblemDetail signInAgain(AuthenticationException e) {
    return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail illegalArgument(IllegalArgumentException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "validation", "Invalid input", "The request is not valid");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side; it has been logged."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors =
        e.getBindingResult().getFieldErrors().stream()
            .collect(
                Collectors.toMap(
                    FieldError::getField,
                    error -> String.valueOf(error.getDefaultMessage()),
                    (first, second) -> first,
                    LinkedHashMap::new));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input", "Some fields are not valid");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail = "The body is not valid JSON of the expected shape";
    Map<String, String> errors = new LinkedHashMap<>();
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String reason =
          mapping instanceof UnrecognizedPropertyException
              ? "Unknown field"
              : mapping instanceof InvalidFormatException invalid
                  ? "Not a valid value" + allowedValues(invalid.getTargetType())
                  : "Not a valid value";
      errors.put(field, reason);
      detail = reason + ": " + field;
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input", detail);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.badRequest().body(problem);
  }

  private static String allowedValues(@Nullable Class<?> type) {
    if (type == null || !type.isEnum()) {
      return "";
    }
    StringBuilder values = new StringBuilder(" (one of ");
    Object[] constants = type.getEnumConstants();
    for (int i = 0; i < constants.length; i++) {
      values.append(i == 0 ? "" : ", ").append(constants[i]);
    }
    return values.append(')').toString();
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST, "validation", "Invalid input", "Not a valid " + e.getName());
    problem.setProperty(
        "errors", Map.of(e.getName(), "Not a valid value" + allowedValues(e.getRequiredType())));
    return problem;
  }
}
