package org.spinefoot.impact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.RuleInfo;
import org.spinefoot.Urgency;
import org.spinefoot.batch.BatchAssessor;
import org.spinefoot.report.ActionReport;
import org.spinefoot.report.AskNext;
import org.spinefoot.report.ClinicianText;
import org.spinefoot.report.ReportBuilder;

/**
 * Assesses every record of a corpus with two knowledge bases and reports what changed ({@link
 * ImpactReport}). Records are assessed on a pool of threads sharing the two (thread-safe)
 * knowledge bases, a bounded number in flight; the report does not depend on the number of
 * threads. Memory grows with the records that changed, not with the corpus. Examples are
 * rendered in a second pass over the corpus, for the few records chosen.
 */
public final class ImpactRun {
  /** Example records per change and per move of the disposition. */
  public static final int EXAMPLES = 3;
  /** The width the example reports are written at. */
  static final int REPORT_WIDTH = 100;
  private static final int IN_FLIGHT_PER_THREAD = 32;

  private final Side before;
  private final Side after;
  private final int threads;

  /** A knowledge base with its rules by ID, to name the inventory of the rules behind a change. */
  private record Side(String name, KnowledgeSource.Loaded loaded, Map<String, RuleInfo> rules) {
    static Side of(String name, KnowledgeSource.Loaded loaded) {
      Map<String, RuleInfo> rules = new HashMap<>();
      loaded.assessor().rules().forEach(r -> rules.put(r.id(), r));
      return new Side(name, loaded, rules);
    }
  }

  /**
   * @param before the knowledge base before the change
   * @param after the knowledge base after it
   * @param threads worker threads, 1 or more
   */
  public ImpactRun(KnowledgeSource.Loaded before, KnowledgeSource.Loaded after, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads: " + threads + "; allowed: 1 or more");
    }
    this.before = Side.of("before", before);
    this.after = Side.of("after", after);
    this.threads = threads;
  }

  /**
   * Runs the comparison over a corpus.
   *
   * @param progress told of the records read and the bytes consumed, from the reading thread
   * @throws IOException if the corpus cannot be read
   * @throws InterruptedException if the run is interrupted
   */
  public ImpactReport run(Corpus corpus, BatchAssessor.Progress progress)
      throws IOException, InterruptedException {
    Tally tally = new Tally();
    int permits = threads * IN_FLIGHT_PER_THREAD;
    Semaphore inFlight = new Semaphore(permits);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
    long blank;
    try {
      blank = corpus.forEach(entry -> {
        inFlight.acquire();
        pool.execute(() -> {
          try {
            tally.add(compare(entry));
          } finally {
            inFlight.release();
          }
        });
        progress.written(entry.number(), entry.consumed());
      });
      inFlight.acquire(permits); // every record in flight is done
    } finally {
      pool.shutdownNow();
    }
    return tally.report(corpus, blank, examples(corpus, tally.exampleNumbers()));
  }

  /** One side's reading and assessment of a record: the assessment, or why there is none. */
  private record Read(Patient patient, Assessment assessment, ImpactReport.RecordError error) {}

  /** A finding or advice item as it stands in one assessment. */
  private record Item(String kind, String id, String text, Urgency urgency,
      List<Assessment.Reason> because) {}

  /** A change on one record, with the reasons behind it on the side where they stand. */
  private record ItemChange(ImpactReport.Change change, List<Assessment.Reason> beforeReasons,
      List<Assessment.Reason> afterReasons) {
    String key() {
      return change.kind() + "\u0000" + change.id() + "\u0000" + change.change() + "\u0000"
          + change.from() + "\u0000" + change.to();
    }
  }

  /** What one record did: its errors, or both dispositions and the changes between them. */
  private record Outcome(Corpus.Entry entry, String id, Urgency before, Urgency after,
      List<ItemChange> changes, List<String> answers, List<ImpactReport.RecordError> errors) {}

  private Outcome compare(Corpus.Entry entry) {
    Read b;
    Read a;
    try {
      b = read(before, entry, null);
      a = read(after, entry, b);
    } catch (RuntimeException | Error e) {
      // Like a batch: a failure inside spinefoot is this record's error, never a lost record.
      return failed(entry, List.of(error(entry, "both", "internal", null, null,
          "failed inside spinefoot: " + e)));
    }
    if (b.error() != null || a.error() != null) {
      List<ImpactReport.RecordError> errors = new ArrayList<>();
      if (b.error() != null && a.error() != null
          && b.error().message().equals(a.error().message())) {
        ImpactReport.RecordError e = b.error();
        errors.add(new ImpactReport.RecordError(e.record(), e.source(), e.id(), "both", e.kind(),
            e.path(), e.rule(), e.message()));
      } else {
        if (b.error() != null) {
          errors.add(b.error());
        }
        if (a.error() != null) {
          errors.add(a.error());
        }
      }
      return failed(entry, errors);
    }
    Assessment ab = b.assessment();
    Assessment aa = a.assessment();
    List<ItemChange> changes = changes(ab, aa);
    List<String> answers = List.of();
    if (ab.disposition() != aa.disposition()) {
      Set<String> out = new LinkedHashSet<>();
      for (ItemChange c : changes) {
        out.addAll(ReportBuilder.answersBehind(b.patient(), ab, c.beforeReasons()));
        out.addAll(ReportBuilder.answersBehind(a.patient(), aa, c.afterReasons()));
      }
      answers = List.copyOf(out);
    }
    return new Outcome(entry, b.patient().id(), ab.disposition(), aa.disposition(), changes,
        answers, List.of());
  }

  private static Outcome failed(Corpus.Entry entry, List<ImpactReport.RecordError> errors) {
    return new Outcome(entry, null, null, null, List.of(), List.of(), errors);
  }

  /** Reads the record in the side's vocabulary (once, when both sides share one) and assesses. */
  private static Read read(Side side, Corpus.Entry entry, Read other) {
    Patient patient;
    if (other != null && other.patient() != null
        && other.patient().vocabulary() == side.loaded().assessor().vocabulary()) {
      patient = other.patient();
    } else {
      try {
        patient = entry.read(side.loaded().assessor().vocabulary());
      } catch (InvalidInputException e) {
        return new Read(null, null, error(entry, side.name(), "input", e.path(), null,
            e.detail()));
      }
    }
    try {
      return new Read(patient, side.loaded().assessor().assess(patient), null);
    } catch (AssessmentException e) {
      return new Read(patient, null, error(entry, side.name(), "rule", null, e.ruleName(),
          e.getMessage()));
    }
  }

  private static ImpactReport.RecordError error(Corpus.Entry entry, String side, String kind,
      String path, String rule, String message) {
    return new ImpactReport.RecordError(entry.number(), entry.source(), entry.idWithoutReading(),
        side, kind, path, rule, message);
  }

  private List<ItemChange> changes(Assessment b, Assessment a) {
    Map<String, Item> was = items(b);
    Map<String, Item> now = items(a);
    Set<String> keys = new LinkedHashSet<>(was.keySet());
    keys.addAll(now.keySet());
    List<ItemChange> out = new ArrayList<>();
    for (String key : keys) {
      Item x = was.get(key);
      Item y = now.get(key);
      if (y == null) {
        out.add(new ItemChange(change(x, "removed", x.urgency(), null, rules(before, x.because())),
            x.because(), List.of()));
      } else if (x == null) {
        out.add(new ItemChange(change(y, "added", null, y.urgency(), rules(after, y.because())),
            List.of(), y.because()));
      } else if (x.urgency() != y.urgency()) {
        // The rules that did it support the finding on one side only; when the same rules
        // support it on both (a rule's urgency changed), all of them.
        Set<String> onlyBefore = ruleIds(x.because());
        Set<String> onlyAfter = ruleIds(y.because());
        if (!onlyBefore.equals(onlyAfter)) {
          Set<String> common = new LinkedHashSet<>(onlyBefore);
          common.retainAll(onlyAfter);
          onlyBefore.removeAll(common);
          onlyAfter.removeAll(common);
        }
        List<Assessment.Reason> bx = x.because().stream()
            .filter(r -> onlyBefore.contains(r.rule())).toList();
        List<Assessment.Reason> ay = y.because().stream()
            .filter(r -> onlyAfter.contains(r.rule())).toList();
        Map<String, ImpactReport.RuleRef> rules = new LinkedHashMap<>();
        rules(before, bx).forEach(r -> rules.put(r.id(), r));
        rules(after, ay).forEach(r -> rules.putIfAbsent(r.id(), r));
        out.add(new ItemChange(change(y, "urgency", x.urgency(), y.urgency(),
            List.copyOf(rules.values())), bx, ay));
      }
    }
    return out;
  }

  private static Set<String> ruleIds(List<Assessment.Reason> because) {
    Set<String> out = new LinkedHashSet<>();
    because.forEach(r -> out.add(r.rule()));
    return out;
  }

  private static ImpactReport.Change change(Item item, String change, Urgency from, Urgency to,
      List<ImpactReport.RuleRef> rules) {
    return new ImpactReport.Change(item.kind(), item.id(), item.text(), change, from, to, 1,
        rules, List.of());
  }

  private static List<ImpactReport.RuleRef> rules(Side side, List<Assessment.Reason> because) {
    Map<String, ImpactReport.RuleRef> out = new LinkedHashMap<>();
    for (Assessment.Reason r : because) {
      RuleInfo info = side.rules().get(r.rule());
      out.putIfAbsent(r.rule(), new ImpactReport.RuleRef(r.rule(), r.ruleName(),
          info == null ? List.of() : info.inventory()));
    }
    return List.copyOf(out.values());
  }

  private static Map<String, Item> items(Assessment a) {
    Map<String, Item> out = new LinkedHashMap<>();
    for (Assessment.Finding f : a.findings()) {
      out.put("finding:" + f.id(), new Item("finding", f.id(), f.title(), f.urgency(),
          f.because()));
    }
    for (Assessment.Advice ad : a.advice()) {
      out.put("advice:" + ad.id(), new Item("advice", ad.id(), ad.text(), null, ad.because()));
    }
    return out;
  }

  /** The example records, read and assessed again and shown as the clinician's report. */
  private List<ImpactReport.Example> examples(Corpus corpus, Set<Long> numbers)
      throws IOException, InterruptedException {
    List<ImpactReport.Example> out = new ArrayList<>();
    if (numbers.isEmpty()) {
      return out;
    }
    corpus.forEach(entry -> {
      if (!numbers.contains(entry.number())) {
        return;
      }
      Read b = read(before, entry, null);
      Read a = read(after, entry, b);
      if (b.error() == null && a.error() == null) {
        out.add(new ImpactReport.Example(entry.number(), entry.source(), b.patient().id(),
            b.assessment().disposition(), a.assessment().disposition(),
            clinicianReport(before, b, entry), clinicianReport(after, a, entry)));
      }
    });
    return out;
  }

  private static String clinicianReport(Side side, Read read, Corpus.Entry entry) {
    try {
      AskNext.Plan plan = new AskNext(side.loaded().assessor()).of(read.patient());
      ActionReport r = new ReportBuilder(side.loaded().titles()).build(read.patient(),
          read.assessment(), plan.questions(), plan.wouldChange());
      return ClinicianText.render(r, entry.source() + ", " + side.name(), REPORT_WIDTH, true);
    } catch (AssessmentException e) {
      return "(the report cannot be shown: " + e.getMessage() + ")";
    }
  }

  /** Counts over the records compared; added to from the worker threads. */
  private final class Tally {
    private final long[][] table = new long[Urgency.values().length][Urgency.values().length];
    private final Map<String, ChangeTally> changes = new HashMap<>();
    private final Map<List<Urgency>, Examples> transitions = new HashMap<>();
    private final List<ImpactReport.Moved> moved = new ArrayList<>();
    private final List<ImpactReport.RecordError> errors = new ArrayList<>();
    private long records;
    private long failed;
    private long changedWithoutMoving;

    synchronized void add(Outcome o) {
      records++;
      if (!o.errors().isEmpty()) {
        failed++;
        errors.addAll(o.errors());
        return;
      }
      long number = o.entry().number();
      table[o.before().ordinal()][o.after().ordinal()]++;
      for (ItemChange c : o.changes()) {
        changes.computeIfAbsent(c.key(), k -> new ChangeTally(c.change())).add(c.change(),
            number);
      }
      if (o.before() == o.after()) {
        if (!o.changes().isEmpty()) {
          changedWithoutMoving++;
        }
        return;
      }
      transitions.computeIfAbsent(List.of(o.before(), o.after()), k -> new Examples())
          .add(number);
      boolean down = o.after().compareTo(o.before()) < 0;
      moved.add(new ImpactReport.Moved(number, o.entry().source(), o.id(), o.before(),
          o.after(), down ? "down" : "up", down,
          o.changes().stream().map(c -> c.change().describe()).toList(), o.answers()));
    }

    Set<Long> exampleNumbers() {
      Set<Long> out = new TreeSet<>();
      changes.values().forEach(c -> out.addAll(c.examples.numbers));
      transitions.values().forEach(t -> out.addAll(t.numbers));
      return out;
    }

    ImpactReport report(Corpus corpus, long blank, List<ImpactReport.Example> examples) {
      Map<Urgency, Map<Urgency, Long>> dispositions = new EnumMap<>(Urgency.class);
      long down = 0;
      long up = 0;
      for (Urgency b : Urgency.values()) {
        Map<Urgency, Long> row = new EnumMap<>(Urgency.class);
        for (Urgency a : Urgency.values()) {
          long n = table[b.ordinal()][a.ordinal()];
          row.put(a, n);
          down += a.compareTo(b) < 0 ? n : 0;
          up += a.compareTo(b) > 0 ? n : 0;
        }
        dispositions.put(b, row);
      }
      List<ImpactReport.Change> changeList = changes.values().stream().map(ChangeTally::change)
          .sorted(Comparator.comparingLong(ImpactReport.Change::records).reversed()
              .thenComparing(ImpactReport.Change::kind).thenComparing(ImpactReport.Change::id)
              .thenComparing(ImpactReport.Change::change))
          .toList();
      List<ImpactReport.Transition> transitionList = new ArrayList<>();
      transitions.forEach((k, v) -> transitionList.add(new ImpactReport.Transition(k.get(0),
          k.get(1), v.count, List.copyOf(v.numbers))));
      // Down first, the furthest fall first; then up.
      transitionList.sort(Comparator.comparingInt((ImpactReport.Transition t) ->
          t.after().ordinal() - t.before().ordinal()).thenComparing(t -> t.before().ordinal()));
      List<ImpactReport.Moved> movedList = moved.stream()
          .sorted(Comparator.comparing((ImpactReport.Moved m) -> !m.safetyReview())
              .thenComparingLong(ImpactReport.Moved::record))
          .toList();
      List<ImpactReport.RecordError> errorList = errors.stream()
          .sorted(Comparator.comparingLong(ImpactReport.RecordError::record)).toList();
      long compared = records - failed;
      boolean nothing = changeList.isEmpty();
      return new ImpactReport(
          ImpactReport.Knowledge.of(before.loaded().origin(),
              before.loaded().assessor().knowledge()),
          ImpactReport.Knowledge.of(after.loaded().origin(),
              after.loaded().assessor().knowledge()),
          new ImpactReport.CorpusSummary(corpus.path().toString(), records, compared, failed,
              blank),
          nothing, summary(compared, down, up, changedWithoutMoving, failed), dispositions, down,
          up, changedWithoutMoving, changeList, movedList, transitionList, examples, errorList);
    }
  }

  static String summary(long compared, long down, long up, long changedWithoutMoving,
      long failed) {
    String s;
    if (down + up + changedWithoutMoving == 0) {
      s = "Nothing moved: no disposition, finding or advice changed on any of the " + compared
          + " records compared.";
    } else {
      s = down + " of " + compared + " records went down"
          + (down > 0 ? " (review them for safety)" : "") + ", " + up + " went up, "
          + changedWithoutMoving + " changed findings or advice without moving.";
    }
    return failed == 0 ? s : s + " " + failed + (failed == 1 ? " record" : " records")
        + " could not be compared (see errors).";
  }

  /** The first few record numbers of something, and how many there were. */
  private static final class Examples {
    final TreeSet<Long> numbers = new TreeSet<>();
    long count;

    void add(long number) {
      count++;
      numbers.add(number);
      if (numbers.size() > EXAMPLES) {
        numbers.pollLast();
      }
    }
  }

  private static final class ChangeTally {
    private final ImpactReport.Change first;
    private final Map<String, ImpactReport.RuleRef> rules = new LinkedHashMap<>();
    final Examples examples = new Examples();

    ChangeTally(ImpactReport.Change first) {
      this.first = first;
    }

    void add(ImpactReport.Change c, long number) {
      c.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
      examples.add(number);
    }

    ImpactReport.Change change() {
      List<ImpactReport.RuleRef> sorted = rules.values().stream()
          .sorted(Comparator.comparing(ImpactReport.RuleRef::id)).toList();
      return new ImpactReport.Change(first.kind(), first.id(), first.text(), first.change(),
          first.from(), first.to(), examples.count, sorted, List.copyOf(examples.numbers));
    }
  }

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "spinefoot-impact-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
