package org.spinefoot.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.Urgency;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;

/**
 * Assesses a stream of patient records, one JSON record per line (NDJSON), and writes one JSON
 * line per record, in input order:
 *
 * <ul>
 *   <li>a result: {@code {"line": 7, "id": "maria", ...the assessment...}}, the assessment as
 *       {@code spinefoot assess --format json} prints it ({@code id} only when the record has
 *       one);
 *   <li>or an error record, and the batch goes on: {@code {"line": 8, "id": "x", "error":
 *       {"kind": "input", "path": "signs.fever", "message": "'maybe' is not an answer; ..."}}}
 *       for a record that cannot be read (as {@link InvalidInputException} names it), {@code "kind": "rule"} with the {@code "rule"} for a rule that failed or looped
 *       on it, {@code "kind": "internal"} for a failure inside spinefoot. The {@code id} is
 *       given when it could be read.
 * </ul>
 *
 * <p>Blank lines are skipped and counted. The input streams: at most 64 lines a thread (and 16
 * million characters) are in flight at once, whatever the input's size, and a line longer than
 * {@link #MAX_LINE_CHARS} is an error record, never held whole. Records are assessed on a pool
 * of worker threads sharing the one {@link Assessor}; results are written in order, whole lines
 * at a time, each write flushed.
 *
 * <p><b>Stopping.</b> Interrupting the thread that runs {@link #run} stops the batch: no more
 * lines are read, the lines already being assessed are finished and written, and {@code run}
 * returns a summary with {@link BatchSummary#stopped()} set (and the thread's interrupt status
 * set again). The output then holds every line up to some line, each line whole. A thread
 * blocked reading the input is abandoned (it is a daemon thread). Since the interrupt may come
 * while a line is being written, give an output stream that an interrupt does not close: a
 * {@link java.io.FileOutputStream}, not the channel-based {@code Files.newOutputStream}.
 *
 * <p>Immutable and thread-safe; each {@code run} has its own threads.
 */
public final class BatchAssessor {
  /** Longest input line read as a record, in characters. */
  public static final int MAX_LINE_CHARS = StrictJson.MAX_DOCUMENT_CHARS;
  /** Characters of input lines in flight at most (about 32 MB), so long lines cannot pile up. */
  static final int MAX_CHARS_IN_FLIGHT = 16 * MAX_LINE_CHARS;
  private static final int LINES_IN_FLIGHT_PER_THREAD = 64;
  /**
   * Lines in flight at most, whatever the number of threads: results waiting to be written are
   * bounded too, so memory does not grow with the threads (each result is some kilobytes).
   */
  static final int MAX_LINES_IN_FLIGHT = 1024;
  /** Results are gathered into writes of about this many characters while more are ready. */
  private static final int WRITE_CHARS = 1 << 16;
  private static final ObjectWriter JSON = new ObjectMapper().writer();

  private final Assessor assessor;
  private final int threads;
  private final long firstLine;
  private final boolean compact;

  /** Progress reports, for a progress bar. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (lines, consumed) -> {};

    /**
     * Called on the thread running the batch after lines are written.
     *
     * @param lines input lines handled so far, blank lines included
     * @param inputConsumed input consumed up to the end of the last line handled: bytes for an
     *     {@link InputStream}, characters for a {@link Reader}
     */
    void written(long lines, long inputConsumed);
  }

  /** A batch on as many worker threads as there are processors. */
  public BatchAssessor(Assessor assessor) {
    this(assessor, Runtime.getRuntime().availableProcessors());
  }

  public BatchAssessor(Assessor assessor, int threads) {
    this(Objects.requireNonNull(assessor, "assessor"), checked(threads), 1, false);
  }

  private static int checked(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads: " + threads + "; allowed: 1 or more");
    }
    return threads;
  }

  private BatchAssessor(Assessor assessor, int threads, long firstLine, boolean compact) {
    this.assessor = assessor;
    this.threads = threads;
    this.firstLine = firstLine;
    this.compact = compact;
  }

  /**
   * This batch with the first input line numbered {@code firstLine}, so that a batch resumed on
   * the rest of an input keeps the original line numbers.
   */
  public BatchAssessor startingAt(long firstLine) {
    if (firstLine < 1) {
      throw new IllegalArgumentException("firstLine: " + firstLine + "; allowed: 1 or more");
    }
    return new BatchAssessor(assessor, threads, firstLine, compact);
  }

  /**
   * This batch writing compact results: {@code {"line", "id", "disposition", "findings": [ids],
   * "advice": [ids]}}, without the reasons (about 2% of the size).
   */
  public BatchAssessor compact(boolean compact) {
    return new BatchAssessor(assessor, threads, firstLine, compact);
  }

  /**
   * Writing the output failed: the output holds whole result lines up to {@link
   * #lastLineWritten()} (0 for none), {@link #bytesWritten()} bytes (or characters), and what
   * comes after them may be part of a line.
   */
  public static final class OutputFailedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long lastLineWritten;
    private final long bytesWritten;

    OutputFailedException(long lastLineWritten, long bytesWritten, IOException cause) {
      super("writing the output failed after input line " + lastLineWritten + ": "
          + cause.getMessage(), cause);
      this.lastLineWritten = lastLineWritten;
      this.bytesWritten = bytesWritten;
    }

    public long lastLineWritten() {
      return lastLineWritten;
    }

    public long bytesWritten() {
      return bytesWritten;
    }
  }

  /**
   * Runs a batch over UTF-8 input, each line decoded strictly: a line that is not UTF-8 is an
   * error record, and the batch goes on. Neither stream is closed.
   *
   * @throws IOException if the input cannot be read or the output written; every line before
   *     the failure has been written
   */
  public BatchSummary run(InputStream in, OutputStream out, Progress progress) throws IOException {
    return run(new LineSource.Utf8(in), LineSink.of(out), progress);
  }

  public BatchSummary run(InputStream in, OutputStream out) throws IOException {
    return run(in, out, Progress.NONE);
  }

  /** Runs a batch over characters already decoded. Neither stream is closed. */
  public BatchSummary run(Reader in, Writer out, Progress progress) throws IOException {
    return run(new LineSource.Chars(in), LineSink.of(out), progress);
  }

  public BatchSummary run(Reader in, Writer out) throws IOException {
    return run(in, out, Progress.NONE);
  }

  /** A line in flight: its result to come, and the blank lines read just before it. */
  private record Pending(Line line, Future<Outcome> result, long blanksBefore, int cost) {}

  /**
   * The reader's last word: the blank lines at the end, the input consumed, and why reading
   * stopped if it failed.
   */
  private record End(long blanksBefore, long consumed, IOException failure) {}

  private enum Kind { ASSESSED, INVALID, FAILED }

  private record Outcome(String json, Kind kind, Urgency disposition) {}

  private BatchSummary run(LineSource source, LineSink sink, Progress progress)
      throws IOException {
    long started = System.nanoTime();
    BlockingQueue<Object> inFlight =
        new ArrayBlockingQueue<>(Math.max(2 * threads,
            Math.min(threads * LINES_IN_FLIGHT_PER_THREAD, MAX_LINES_IN_FLIGHT)));
    Semaphore chars = new Semaphore(MAX_CHARS_IN_FLIGHT);
    AtomicBoolean stopping = new AtomicBoolean();
    ExecutorService workers = Executors.newFixedThreadPool(threads, daemons("spinefoot-batch-"));
    Thread reader = new Thread(() -> read(source, inFlight, chars, workers, stopping),
        "spinefoot-batch-reader");
    reader.setDaemon(true);
    Tally tally = new Tally();
    boolean interrupted = false;
    try {
      reader.start();
      StringBuilder pending = new StringBuilder();
      while (true) {
        Object next;
        if (interrupted) {
          next = inFlight.poll();
          if (next == null) {
            break;
          }
        } else {
          try {
            next = inFlight.take();
          } catch (InterruptedException e) {
            interrupted = true;
            stopping.set(true);
            reader.interrupt();
            continue;
          }
        }
        if (next instanceof End) {
          End end = (End) next;
          tally.blank += end.blanksBefore();
          tally.lines += end.blanksBefore();
          tally.consumed = Math.max(tally.consumed, end.consumed());
          write(sink, pending, tally, progress, tally.lastLine);
          if (end.failure() != null && !interrupted) {
            throw end.failure();
          }
          break;
        }
        Pending p = (Pending) next;
        Outcome outcome;
        while (true) {
          try {
            outcome = outcome(p);
            break;
          } catch (InterruptedException e) {
            // Finish the lines in flight: each takes milliseconds.
            interrupted = true;
            stopping.set(true);
            reader.interrupt();
          }
        }
        pending.append(outcome.json()).append('\n');
        chars.release(p.cost());
        tally.count(p, outcome);
        tally.lastLine = number(p.line());
        Object after = inFlight.peek();
        boolean moreReady = after instanceof Pending && ((Pending) after).result().isDone();
        if (!moreReady || pending.length() >= WRITE_CHARS) {
          write(sink, pending, tally, progress, tally.lastLine);
        }
      }
      write(sink, pending, tally, progress, tally.lastLine);
    } finally {
      stopping.set(true);
      reader.interrupt();
      workers.shutdownNow();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return tally.summary(interrupted, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void write(LineSink sink, StringBuilder pending, Tally tally, Progress progress,
      long lastLine) throws IOException {
    if (pending.length() > 0) {
      long before = sink.written();
      try {
        sink.write(pending);
      } catch (OutputFailedException e) {
        throw e;
      } catch (IOException e) {
        throw new OutputFailedException(tally.lastWritten, before, e);
      }
      tally.lastWritten = lastLine;
      pending.setLength(0);
    }
    progress.written(tally.lines, tally.consumed);
  }

  /** The number a line is written with: its place in the input, counted from the first line. */
  private long number(Line line) {
    return line.number() + firstLine - 1;
  }

  private Outcome outcome(Pending p) throws InterruptedException {
    try {
      return p.result().get();
    } catch (ExecutionException e) {
      // assess() catches every exception; an Error (a stack overflow, say) still gives a record.
      return failure(number(p.line()), idIn(p.line().text()), "internal", null, null,
          "failed inside spinefoot: " + e.getCause());
    }
  }

  /** Reads lines and starts their assessment, in order, until the end or a stop. */
  private void read(LineSource source, BlockingQueue<Object> inFlight, Semaphore chars,
      ExecutorService workers, AtomicBoolean stopping) {
    long blanks = 0;
    long consumed = 0;
    try {
      try {
        Line line;
        while (!stopping.get() && (line = source.next()) != null) {
          consumed = line.end();
          if (line.isBlank()) {
            blanks++;
            continue;
          }
          int cost = Math.max(1, Math.min(line.text().length(), MAX_CHARS_IN_FLIGHT));
          chars.acquire(cost);
          Line toAssess = line;
          Future<Outcome> result = workers.submit(() -> assess(toAssess));
          inFlight.put(new Pending(line, result, blanks, cost));
          blanks = 0;
        }
        if (!stopping.get()) {
          inFlight.put(new End(blanks, consumed, null));
        }
      } catch (IOException | RuntimeException | Error e) {
        IOException failure = e instanceof IOException ? (IOException) e
            : new IOException("reading the input failed: " + e, e);
        inFlight.put(new End(blanks, consumed, failure));
      }
    } catch (InterruptedException e) {
      // Stopped: the writer takes what is in flight and no more.
    }
  }

  private Outcome assess(Line line) {
    long number = number(line);
    if (line.problem() != null) {
      return failure(number, idIn(line.text()), "input", "", null, line.problem());
    }
    try {
      Patient patient = PatientReader.parse(StrictJson.json(assessor.vocabulary()), line.text(),
          "line " + number);
      Assessment assessment = assessor.assess(patient);
      Object result = compact ? CompactLine.of(number, patient.id(), assessment)
          : new ResultLine(number, patient.id(), assessment);
      return new Outcome(JSON.writeValueAsString(result), Kind.ASSESSED,
          assessment.disposition());
    } catch (InvalidInputException e) {
      return failure(number, idIn(line.text()), "input", e.path(), null, e.detail());
    } catch (AssessmentException e) {
      return failure(number, e.patientId(), "rule", null, e.ruleName(), e.getMessage());
    } catch (RuntimeException | JsonProcessingException e) {
      return failure(number, idIn(line.text()), "internal", null, null,
          "failed inside spinefoot: " + e);
    }
  }

  private static Outcome failure(long number, String id, String kind, String path, String rule,
      String message) {
    try {
      return new Outcome(JSON.writeValueAsString(
          new ErrorLine(number, id, new ErrorLine.Problem(kind, path, rule, message))),
          "input".equals(kind) ? Kind.INVALID : Kind.FAILED, null);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // plain strings and numbers always serialize
    }
  }

  /**
   * The record's {@code id}, read as far as the line is well formed, so an error record can
   * name it; null when there is none before the first fault.
   */
  public static String idIn(String text) {
    if (text == null) {
      return null;
    }
    try (JsonParser p = StrictJson.json().getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("id".equals(name)) {
          return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        p.skipChildren();
      }
    } catch (IOException | RuntimeException e) {
      // malformed before any id
    }
    return null;
  }

  @JsonPropertyOrder({"line", "id"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record ResultLine(long line, String id, @JsonUnwrapped Assessment assessment) {}

  @JsonPropertyOrder({"line", "id", "disposition", "findings", "advice"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record CompactLine(long line, String id, Urgency disposition,
      java.util.List<String> findings, java.util.List<String> advice) {
    static CompactLine of(long line, String id, Assessment a) {
      return new CompactLine(line, id, a.disposition(),
          a.findings().stream().map(Assessment.Finding::id).toList(),
          a.advice().stream().map(Assessment.Advice::id).toList());
    }
  }

  @JsonPropertyOrder({"line", "id", "error"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record ErrorLine(long line, String id, Problem error) {
    @JsonPropertyOrder({"kind", "path", "rule", "message"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String kind, String path, String rule, String message) {}
  }

  /** Counts over the lines written; used by the writing thread only. */
  private static final class Tally {
    /** The number of the last line counted, and of the last line written whole. */
    long lastLine;
    long lastWritten;
    long lines;
    long consumed;
    long assessed;
    long invalid;
    long failed;
    long blank;
    final Map<Urgency, Long> dispositions = new EnumMap<>(Urgency.class);

    void count(Pending p, Outcome o) {
      blank += p.blanksBefore();
      lines += p.blanksBefore() + 1;
      consumed = p.line().end();
      switch (o.kind()) {
        case ASSESSED -> {
          assessed++;
          dispositions.merge(o.disposition(), 1L, Long::sum);
        }
        case INVALID -> invalid++;
        case FAILED -> failed++;
        default -> throw new IllegalStateException(o.kind().toString());
      }
    }

    BatchSummary summary(boolean stopped, Duration elapsed) {
      return new BatchSummary(lines, assessed, invalid, failed, blank, dispositions, stopped,
          elapsed);
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
