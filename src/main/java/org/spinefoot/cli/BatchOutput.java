package org.spinefoot.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The file {@code assess --batch --out OUT} writes. A regular file (or a new one) is written to a
 * temporary file beside it and moved into place at the end, in one atomic rename: an existing
 * OUT is never truncated, and is replaced only by whole result lines. A device or pipe (such as
 * {@code /dev/null}) is written as it is. A link is followed: the file it points to is replaced.
 */
final class BatchOutput implements AutoCloseable {
  private final Path named;
  private Path target;
  private Path temp;
  private FileOutputStream stream;
  private boolean committed;

  BatchOutput(Path named) {
    this.named = named;
  }

  String name() {
    return named.toString();
  }

  void open() throws IOException {
    target = Files.exists(named) ? named.toRealPath() : named.toAbsolutePath();
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      if (Files.isDirectory(target)) {
        throw new IOException("is a directory");
      }
      stream = new FileOutputStream(target.toFile());
      return;
    }
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString());
    }
    temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    PosixFileAttributeView perms =
        Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (perms != null) {
      perms.setPermissions(Files.exists(target)
          ? Files.getPosixFilePermissions(target)
          : PosixFilePermissions.fromString("rw-r--r--"));
    }
    // A stream, not a channel: an interrupt (the batch's stop signal) would close a channel.
    stream = new FileOutputStream(temp.toFile());
  }

  OutputStream stream() {
    return stream;
  }

  /** Cuts the file back to the whole lines written, after a write failed part way. */
  void keepWholeLines(long bytes) throws IOException {
    if (temp != null && stream.getChannel().size() > bytes) {
      stream.getChannel().truncate(bytes);
    }
  }

  /** Moves what was written into place. */
  void commit() throws IOException {
    if (committed) {
      return;
    }
    stream.close();
    if (temp != null) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Without a commit, the temporary file is removed and OUT left as it was. */
  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
    }
    if (!committed && temp != null) {
      Files.deleteIfExists(temp);
    }
  }
}
