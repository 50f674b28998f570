package io.tallycast.report.mail;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One mail: a subject, a plain-text body and files attached as they are. The files are only read, never moved or
 * deleted: the report stays on disk whether the mail goes or not.
 */
public record Letter(String subject, String body, List<Path> attachments) {
  public Letter {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a letter without a subject");
    }
    body = body == null ? "" : body;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** What a mail program needs to open an attachment: by its name's ending, the report's kinds first. */
  static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return switch (dot < 0 ? "" : name.substring(dot + 1)) {
      case "pdf" -> "application/pdf";
      case "html", "htm" -> "text/html; charset=UTF-8";
      case "csv" -> "text/csv; charset=UTF-8";
      case "txt" -> "text/plain; charset=UTF-8";
      case "png" -> "image/png";
      case "svg" -> "image/svg+xml";
      case "json" -> "application/json";
      default -> "application/octet-stream";
    };
  }
}
