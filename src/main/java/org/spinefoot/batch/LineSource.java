package org.spinefoot.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits input into lines of bounded length: a line longer than the bound is consumed to its end
 * but only its beginning is kept, so no line can exhaust memory. Not thread-safe.
 */
public abstract class LineSource {
  private long number;

  /** The next line, or null at the end of the input. */
  public abstract Line next() throws IOException;

  /**
   * Lines of UTF-8 bytes, as a batch reads them: each decoded strictly on its own, a byte order
   * mark dropped, a line over {@link BatchAssessor#MAX_LINE_CHARS} kept only as an error. The
   * stream is not closed.
   */
  public static LineSource utf8(InputStream in) {
    return new Utf8(in);
  }

  long nextNumber() {
    return ++number;
  }

  static String tooLong(String size) {
    return "line too long: " + size + "; allowed: up to " + BatchAssessor.MAX_LINE_CHARS
        + " characters";
  }

  /**
   * Lines of UTF-8 bytes, each decoded strictly on its own: a line in another encoding is an
   * error for that line only, not the end of the batch.
   */
  static final class Utf8 extends LineSource {
    private static final int MAX_LINE_BYTES = 4 * BatchAssessor.MAX_LINE_CHARS;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long consumed;
    private byte[] line = new byte[8192];
    private int length;
    private boolean overflow;

    Utf8(InputStream in) {
      this.in = in;
    }

    @Override
    public Line next() throws IOException {
      length = 0;
      overflow = false;
      boolean any = false;
      while (true) {
        if (position == limit) {
          int n = in.read(buffer);
          if (n < 0) {
            if (!any) {
              return null;
            }
            break;
          }
          position = 0;
          limit = n;
          continue;
        }
        any = true;
        int newline = -1;
        for (int i = position; i < limit; i++) {
          if (buffer[i] == '\n') {
            newline = i;
            break;
          }
        }
        int end = newline < 0 ? limit : newline;
        keep(position, end - position);
        int next = newline < 0 ? limit : newline + 1;
        consumed += next - position;
        position = next;
        if (newline >= 0) {
          break;
        }
      }
      long number = nextNumber();
      int start = number == 1 && startsWithByteOrderMark() ? 3 : 0;
      int end = !overflow && length > start && line[length - 1] == '\r' ? length - 1 : length;
      if (overflow) {
        return new Line(number, lenient(start, end), tooLong("more than " + MAX_LINE_BYTES
            + " bytes"), consumed);
      }
      String text;
      try {
        text = strict.decode(ByteBuffer.wrap(line, start, end - start)).toString();
      } catch (CharacterCodingException e) {
        return new Line(number, lenient(start, end), "not UTF-8 text", consumed);
      }
      if (text.length() > BatchAssessor.MAX_LINE_CHARS) {
        return new Line(number, text, tooLong(text.length() + " characters"), consumed);
      }
      return new Line(number, text, null, consumed);
    }

    private void keep(int from, int count) {
      int room = MAX_LINE_BYTES - length;
      if (count > room) {
        overflow = true;
        count = room;
      }
      if (length + count > line.length) {
        line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(length + count,
            line.length * 2)));
      }
      System.arraycopy(buffer, from, line, length, count);
      length += count;
    }

    private boolean startsWithByteOrderMark() {
      return length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb
          && (line[2] & 0xff) == 0xbf;
    }

    private String lenient(int start, int end) {
      return new String(line, start, end - start, StandardCharsets.UTF_8);
    }
  }

  /** Lines of characters, for a caller who has decoded the input already. */
  static final class Chars extends LineSource {
    private final Reader in;
    private final char[] buffer = new char[1 << 15];
    private int position;
    private int limit;
    private long consumed;
    private final StringBuilder line = new StringBuilder();
    private boolean overflow;

    Chars(Reader in) {
      this.in = in;
    }

    @Override
    public Line next() throws IOException {
      line.setLength(0);
      overflow = false;
      boolean any = false;
      while (true) {
        if (position == limit) {
          int n = in.read(buffer);
          if (n < 0) {
            if (!any) {
              return null;
            }
            break;
          }
          position = 0;
          limit = n;
          continue;
        }
        any = true;
        int newline = -1;
        for (int i = position; i < limit; i++) {
          if (buffer[i] == '\n') {
            newline = i;
            break;
          }
        }
        int end = newline < 0 ? limit : newline;
        // One character over the bound is kept, so that a line of exactly the bound ending in
        // "\r\n" is not taken for an overlong one.
        int room = BatchAssessor.MAX_LINE_CHARS + 1 - line.length();
        int count = Math.min(room, end - position);
        overflow |= count < end - position;
        line.append(buffer, position, count);
        int next = newline < 0 ? limit : newline + 1;
        consumed += next - position;
        position = next;
        if (newline >= 0) {
          break;
        }
      }
      long number = nextNumber();
      int start = number == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF' ? 1 : 0;
      int end = !overflow && line.length() > start && line.charAt(line.length() - 1) == '\r'
          ? line.length() - 1 : line.length();
      String text = line.substring(start, end);
      return overflow || text.length() > BatchAssessor.MAX_LINE_CHARS
          ? new Line(number, text, tooLong("more than " + BatchAssessor.MAX_LINE_CHARS
              + " characters"), consumed)
          : new Line(number, text, null, consumed);
    }
  }
}
