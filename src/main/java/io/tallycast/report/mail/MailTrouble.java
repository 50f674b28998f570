package io.tallycast.report.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * What went wrong with an SMTP try, said as an operator can act on it: the login, the address, TLS, or the server
 * refusing the mail. Jakarta Mail wraps the cause in a MessagingException, so the whole chain is read.
 */
final class MailTrouble {
  private MailTrouble() {
  }

  static String explain(Throwable failure, MailConfig config) {
    String server = config.host() + ":" + config.port();
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof AuthenticationFailedException) {
        return "the SMTP server refused the login (" + firstLine(t.getMessage()) + ") - check mail.username / "
            + "passwordFile";
      }
      if (t instanceof SendFailedException refused && (refused.getInvalidAddresses() != null
          || refused.getValidUnsentAddresses() != null)) {
        return "the SMTP server refused the mail (" + firstLine(t.getMessage()) + ")" + invalid(refused);
      }
      if (t instanceof UnknownHostException) {
        return "cannot reach " + server + ": no such host";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "cannot reach " + server + ": " + lower(firstLine(t.getMessage()));
      }
      if (t instanceof SocketTimeoutException) {
        return server + " did not answer in time (" + lower(firstLine(t.getMessage())) + ")";
      }
      if (t instanceof SSLException) {
        return "TLS with " + server + " failed (" + firstLine(t.getMessage()) + ") - check mail.security ("
            + config.security().name().toLowerCase(java.util.Locale.ROOT) + ") and mail.port";
      }
      String text = String.valueOf(t.getMessage());
      if (text.contains("STARTTLS is required")) {
        return server + " does not offer STARTTLS, which mail.security starttls requires (the password is never "
            + "sent in the clear)";
      }
    }
    String text = firstLine(failure.getMessage());
    return failure instanceof MessagingException ? "the SMTP exchange failed: " + text
        : failure.getClass().getSimpleName() + ": " + text;
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
        : t.getCause();
    return cause == t ? null : cause;
  }

  private static String invalid(SendFailedException refused) {
    if (refused.getInvalidAddresses() == null || refused.getInvalidAddresses().length == 0) {
      return "";
    }
    return ": not accepted: " + Arrays.stream(refused.getInvalidAddresses()).map(String::valueOf)
        .collect(Collectors.joining(", "));
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String lower(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
