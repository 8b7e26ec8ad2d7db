package no.forlop.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import no.forlop.access.Users;
import no.forlop.catalog.CatalogueService;
import no.forlop.reporting.export.CsvTables;
import no.forlop.reporting.export.Labels;
import no.forlop.reporting.export.Tables;
import no.forlop.reporting.export.XlsxTables;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The statistics' tables as downloads (the dashboard's exports and the API's csv/xlsx): the words
 * in the reader's language, and the file in the format asked for.
 */
@Component
class TableFiles {

  /** The file formats the tables are written in. */
  enum Format {
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)),
    XLSX(
        MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final MediaType type;

    Format(MediaType type) {
      this.type = type;
    }

    static Optional<Format> of(String extension) {
      for (var format : values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(extension)) {
          return Optional.of(format);
        }
      }
      return Optional.empty();
    }

    String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Users users;
  private final MessageSource messages;
  private final CatalogueService catalogues;

  TableFiles(Users users, MessageSource messages, CatalogueService catalogues) {
    this.users = users;
    this.messages = messages;
    this.catalogues = catalogues;
  }

  /** The words of the tables in the reader's language, with the units' names. */
  Labels labels() {
    var names = new LinkedHashMap<String, String>();
    users.units().forEach(u -> names.put(u.id(), u.name()));
    return new Labels(LocaleContextHolder.getLocale(), messages, catalogues.current(), names);
  }

  /** The tables as a download named {@code name} plus the format's extension. */
  static ResponseEntity<byte[]> file(Tables tables, Format format, String name) {
    var body = format == Format.CSV ? CsvTables.write(tables) : XlsxTables.write(tables);
    return ResponseEntity.ok()
        .contentType(format.type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + name + "." + format.extension() + "\"")
        .body(body);
  }
}
