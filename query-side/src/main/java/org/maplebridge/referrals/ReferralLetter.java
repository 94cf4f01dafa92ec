package org.maplebridge.referrals;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Erased;
import org.maplebridge.read.NotFound;
import org.maplebridge.referrals.ProviderReferrals.FindReferralLetter;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferral;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A referral's letter, as PDF, for providers who work on paper: the referral's summary and only the
 * fields it disclosed to the provider (at the provider's stage, for provider staff), in the
 * reader's language. Read through the same query as the provider's view, so fetching it is a
 * recorded look. Chinese needs a CJK font with TrueType outlines ({@code
 * maplebridge.letter.cjk-font}, by default Debian's {@code fonts-droid-fallback}; the renderer
 * subsets only TrueType outlines, so the OpenType/CFF Noto CJK collections cannot serve); without
 * one, letters are written in English, since the PDF could not show the characters.
 */
@RestController
@Tag(name = "Referral tracker", description = "Referrals by status, overdue, provider, urgency")
class ReferralLetter {
  /** Debian's fonts-droid-fallback: one TrueType file covering CJK and Latin. */
  static final String DEFAULT_CJK_FONT =
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

  private final QueryGateway queries;
  private final MessageSource messages;
  private final String cjkFont;

  ReferralLetter(
      QueryGateway queries,
      MessageSource messages,
      @Value("${maplebridge.letter.cjk-font:" + DEFAULT_CJK_FONT + "}") String cjkFont) {
    this.queries = queries;
    this.messages = messages;
    this.cjkFont = cjkFont;
  }

  @GetMapping(value = "/api/referrals/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The referral letter (PDF): the disclosed fields only, a recorded look")
  ResponseEntity<byte[]> letter(@PathVariable UUID id, Actor viewer, Locale locale) {
    ProviderReferral referral =
        queries
            .query(
                new FindReferralLetter(id, viewer),
                ResponseTypes.optionalInstanceOf(ProviderReferral.class))
            .join()
            .orElseThrow(() -> new NotFound("Referral " + id));
    boolean cjk = cjkFontReadable();
    Locale written = "zh".equals(locale.getLanguage()) && !cjk ? Locale.ENGLISH : locale;
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      if (cjk) {
        builder.useFont(new File(cjkFont), "cjk");
      }
      builder.withHtmlContent(html(referral, written), null);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"referral-" + id + ".pdf\"")
        .body(pdf.toByteArray());
  }

  /**
   * The letter as XHTML (what the PDF renderer reads): labels in {@code locale}, values escaped.
   */
  private String html(ProviderReferral referral, Locale locale) {
    StringBuilder rows = new StringBuilder();
    row(rows, text("letter.referral", locale), referral.id().toString());
    row(rows, text("intake.urgency", locale), text("urgency." + referral.urgency(), locale));
    row(
        rows,
        text("letter.service", locale),
        text("serviceType." + referral.serviceType(), locale));
    row(rows, text("letter.reason", locale), shown(referral.reason(), locale));
    row(rows, text("letter.person", locale), shown(referral.initials(), locale));
    row(
        rows,
        text("letter.age", locale),
        referral.age() == null ? null : referral.age().toString());
    row(rows, text("disclosedField.NAME", locale), shown(referral.name(), locale));
    row(
        rows,
        text("disclosedField.BIRTH_DATE", locale),
        referral.birthDate() == null ? null : referral.birthDate().toString());
    row(rows, text("disclosedField.PHONE", locale), shown(referral.phone(), locale));
    row(rows, text("disclosedField.NATIONAL_ID", locale), shown(referral.nationalId(), locale));
    row(rows, text("disclosedField.ADDRESS", locale), shown(referral.address(), locale));
    row(rows, text("disclosedField.CONCERN", locale), shown(referral.concern(), locale));
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="UTF-8"/><title>%s</title>
        <style>body { font-family: %s sans-serif; font-size: 11pt; }
        th { text-align: left; padding-right: 1em; vertical-align: top; }</style></head>
        <body><h1>%s</h1><p>%s</p><table>%s</table><p>%s</p></body></html>
        """
        .formatted(
            locale.toLanguageTag(),
            escape(text("letter.title", locale)),
            cjkFontReadable() ? "cjk," : "",
            escape(text("letter.title", locale)),
            escape(LocalDate.now(ZoneOffset.UTC).toString()),
            rows,
            escape(text("letter.confidential", locale)));
  }

  private boolean cjkFontReadable() {
    return !cjkFont.isBlank() && new File(cjkFont).canRead();
  }

  private static void row(StringBuilder rows, String label, String value) {
    if (value != null && !value.isBlank()) {
      rows.append("<tr><th>")
          .append(escape(label))
          .append("</th><td>")
          .append(escape(value))
          .append("</td></tr>");
    }
  }

  /** An erased person's field reads "erased" in the letter's language, as on the pages. */
  private String shown(String value, Locale locale) {
    return Erased.TEXT.equals(value) ? text("erased", locale) : value;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  /** Escaped for XML: the renderer parses XHTML strictly. */
  private static String escape(String value) {
    return HtmlUtils.htmlEscapeDecimal(value);
  }
}
