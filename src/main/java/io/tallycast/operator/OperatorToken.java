package io.tallycast.operator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret every {@code /api/operator/...} call must carry ({@code Authorization: Bearer <token>}): 32 random bytes,
 * base64url, kept in {@value #FILE} in the data dir with mode 0600 and reused on every later start. The command prints
 * it once, when it is created, on standard output: never through the logger (logs get shipped and shared), never in
 * an API answer. {@link #toString()} does not show it either.
 */
public final class OperatorToken {
  public static final String FILE = "operator.token";
  private static final Logger LOG = LoggerFactory.getLogger(OperatorToken.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final int BYTES = 32;

  private final String value;
  private final byte[] digest;
  private final Path file;
  private final boolean created;

  private OperatorToken(String value, Path file, boolean created) {
    this.value = value;
    this.digest = sha256(value);
    this.file = file;
    this.created = created;
  }

  /** Reads dataDir/operator.token, or creates it (0600) when it is missing or empty. Blocking. */
  public static OperatorToken loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!existing.isEmpty()) {
          warnIfShared(file);
          return new OperatorToken(existing, file, false);
        }
      }
      Files.createDirectories(dataDir);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
      write(file, token);
      LOG.info("operator token created in {} (mode 0600)", file.toAbsolutePath());
      return new OperatorToken(token, file, true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the operator token " + file.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * A temporary file created with mode 0600 (never readable by others, not even for a moment: the mode is given at
   * creation, not changed afterwards), written, synced, then renamed into place, so a crash never leaves half a token.
   */
  private static void write(Path file, String token) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(file.getParent(), FILE + ".", ".tmp", attrs);
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        out.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void warnIfShared(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(mode)) {
        LOG.warn("the operator token file {} is readable by others (mode {}): chmod 600 it", file.toAbsolutePath(),
            PosixFilePermissions.toString(mode));
      }
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[BYTES];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /**
   * Whether an Authorization header carries this token. Both sides are hashed first and compared with
   * {@link MessageDigest#isEqual} (constant time for equal lengths), so neither the content nor the length of the
   * token leaks through the time a wrong guess takes.
   */
  public boolean matches(String authorization) {
    String given = bearer(authorization);
    return given != null && MessageDigest.isEqual(digest, sha256(given));
  }

  /** The token of a {@code Bearer} header (scheme case-insensitive), or null when there is none. */
  static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String h = authorization.strip();
    if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = h.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  /** The secret itself: for the one line the command prints when it was created, and for tests. */
  public String value() {
    return value;
  }

  /** True when this start created the token (the command prints it then, and only then). */
  public boolean created() {
    return created;
  }

  public Path file() {
    return file;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "OperatorToken[" + file + "]";
  }
}
