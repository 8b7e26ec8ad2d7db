package no.forlop.coordinator.plan;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the patient's plan as PDF: the same Thymeleaf template as the print page (written as
 * well-formed XHTML), with the print stylesheet inlined, laid out by openhtmltopdf. DejaVu Sans is
 * embedded (subset) so that every Norwegian and Sami letter prints.
 */
@Component
class PlanPdf {

  static final String FONT_FAMILY = "DejaVu Sans";

  private final ITemplateEngine templates;
  private final String css;

  PlanPdf(ITemplateEngine templates) {
    this.templates = templates;
    this.css = read("static/css/plan.css");
    XRLog.setLoggerImpl(new PdfLogging());
  }

  byte[] render(PatientPlan plan) {
    var context =
        new Context(
            LocaleContextHolder.getLocale(), Map.of("plan", plan, "pdf", true, "planCss", css));
    var html = templates.process(PlanController.TEMPLATE, context);
    var out = new ByteArrayOutputStream();
    try {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(
          () -> stream("fonts/DejaVuSans.ttf"),
          FONT_FAMILY,
          400,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> stream("fonts/DejaVuSans-Bold.ttf"),
          FONT_FAMILY,
          700,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("The plan could not be rendered as PDF", e);
    }
    return out.toByteArray();
  }

  private static InputStream stream(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Missing " + path, e);
    }
  }

  private static String read(String path) {
    try (var in = stream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing " + path, e);
    }
  }
}
