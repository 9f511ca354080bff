package org.spinefoot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only audit log, one JSON object per line (NDJSON). Each line is written whole and
 * flushed before the response is sent, so a crash loses at most the call in flight. The file is
 * opened for append only; nothing here reads, rewrites or truncates it. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OutputStream out;
  private final Path file;

  private AuditLog(Path file, OutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** Appends to this file, creating it when missing. */
  public static AuditLog appendingTo(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new AuditLog(file, Files.newOutputStream(file, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file, e);
    }
  }

  /** A log that keeps nothing (when no audit file is configured). */
  public static AuditLog discarding() {
    return new AuditLog(null, OutputStream.nullOutputStream());
  }

  public Path file() {
    return file;
  }

  /** Writes one entry as a line. */
  public void write(ObjectNode entry) {
    byte[] line;
    try {
      line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the audit log " + file, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
