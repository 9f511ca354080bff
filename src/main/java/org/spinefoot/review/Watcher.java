package org.spinefoot.review;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.RuleBaseException;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.cases.Coverage;

/**
 * Live reload for reviewers: on every change under the rules and test-case directories, rebuild
 * the knowledge base, rerun the cases and report what changed since the last run. A rule base
 * that does not load is reported (file and line) and the last good one stays in use, so the
 * cases still run.
 *
 * <p>{@link #onChange} does one reload and is what tests drive; {@link #watch} calls it on file
 * events. One watcher serves one thread.
 */
public final class Watcher {
  /** Quiet time after the last file event before reloading: an editor's save is several events. */
  public static final long DEBOUNCE_MILLIS = 300;

  /**
   * What one reload found.
   *
   * @param reload how many reloads came before this one, from 0 for the first
   * @param changed the files whose change triggered it (empty for the first)
   * @param rulesLoaded whether the rule files loaded this time
   * @param recovered whether they load again after failing the time before
   * @param ruleProblems what is wrong with the rule files when they did not load
   * @param usingPreviousRules the rules did not load and the last good knowledge base was used
   * @param rules the number of rules in the knowledge base in use (0 when there is none)
   * @param cases the number of cases run
   * @param failing every failing case with its failures
   * @param newFailures cases failing now that passed (or did not exist) in the previous run
   * @param fixed cases passing now that failed in the previous run
   * @param addedCases cases that are new since the previous run
   * @param removedCases cases gone since the previous run
   * @param rulesAdded IDs of rules new since the previous knowledge base
   * @param rulesRemoved IDs of rules gone since the previous knowledge base
   * @param newGaps coverage gaps that appeared
   * @param closedGaps coverage gaps that closed
   * @param casesProblem why the cases could not be run, or null
   * @param failingDifferently cases failing before and now, but for another reason
   * @param sourceProblems what is wrong with the citations ({@code @source}, inventory sources),
   *     as lint reports it
   * @param newSourceProblems source problems that were not there in the previous run
   */
  public record Report(
      int reload,
      List<String> changed,
      boolean rulesLoaded,
      boolean recovered,
      List<RuleBaseException.Problem> ruleProblems,
      boolean usingPreviousRules,
      int rules,
      int cases,
      Map<String, List<String>> failing,
      List<String> newFailures,
      List<String> fixed,
      List<String> addedCases,
      List<String> removedCases,
      List<String> rulesAdded,
      List<String> rulesRemoved,
      List<String> newGaps,
      List<String> closedGaps,
      String casesProblem,
      List<String> failingDifferently,
      List<String> sourceProblems,
      List<String> newSourceProblems) {

    public Report {
      changed = List.copyOf(changed);
      ruleProblems = List.copyOf(ruleProblems);
      failing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failing));
      newFailures = List.copyOf(newFailures);
      fixed = List.copyOf(fixed);
      addedCases = List.copyOf(addedCases);
      removedCases = List.copyOf(removedCases);
      rulesAdded = List.copyOf(rulesAdded);
      rulesRemoved = List.copyOf(rulesRemoved);
      newGaps = List.copyOf(newGaps);
      closedGaps = List.copyOf(closedGaps);
      failingDifferently = List.copyOf(failingDifferently);
      sourceProblems = List.copyOf(sourceProblems);
      newSourceProblems = List.copyOf(newSourceProblems);
    }

    /** True when the rules load, every case ran and passed, and every citation is valid. */
    public boolean healthy() {
      return rulesLoaded && casesProblem == null && failing.isEmpty() && cases > 0
          && sourceProblems.isEmpty();
    }

    /** The report as the watch command prints it. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(reload == 0 ? "== first run" : "== reload " + reload);
      if (!changed.isEmpty()) {
        sb.append(" (changed: ").append(String.join(", ", changed)).append(')');
      }
      sb.append('\n');
      if (!rulesLoaded) {
        sb.append("RULES BROKEN: the rule files do not load")
            .append(usingPreviousRules ? "; still using the last good knowledge base\n"
                : "; there is no good knowledge base yet, so no case ran\n");
        ruleProblems.forEach(p -> sb.append(indent(p.toString()).substring(2)).append('\n'));
      } else if (recovered) {
        sb.append("RECOVERED: the rule files load again\n");
      }
      if (casesProblem != null) {
        sb.append("CASES NOT RUN: ").append(casesProblem).append('\n');
      }
      if (rules > 0) {
        sb.append(rules).append(" rules");
        if (!rulesAdded.isEmpty()) {
          sb.append(", added: ").append(String.join(", ", rulesAdded));
        }
        if (!rulesRemoved.isEmpty()) {
          sb.append(", removed: ").append(String.join(", ", rulesRemoved));
        }
        sb.append("; ").append(cases - failing.size()).append(" passed, ").append(failing.size())
            .append(" failed\n");
      }
      for (String name : newFailures) {
        sb.append("NEW FAILURE ").append(name).append('\n');
        failing.get(name).forEach(f -> sb.append(indent(f)).append('\n'));
      }
      for (String name : failingDifferently) {
        sb.append("FAILING DIFFERENTLY ").append(name).append('\n');
        failing.get(name).forEach(f -> sb.append(indent(f)).append('\n'));
      }
      for (String name : failing.keySet()) {
        if (!newFailures.contains(name) && !failingDifferently.contains(name)) {
          sb.append("still failing ").append(name).append('\n');
        }
      }
      for (String p : sourceProblems) {
        sb.append(newSourceProblems.contains(p) ? "SOURCE PROBLEM " : "still a source problem ")
            .append(p).append('\n');
      }
      fixed.forEach(n -> sb.append("FIXED ").append(n).append('\n'));
      addedCases.forEach(n -> sb.append("new case ").append(n).append('\n'));
      removedCases.forEach(n -> sb.append("case removed ").append(n).append('\n'));
      newGaps.forEach(g -> sb.append("coverage gap: ").append(g).append('\n'));
      closedGaps.forEach(g -> sb.append("coverage gap closed: ").append(g).append('\n'));
      if (reload > 0 && rulesLoaded && newFailures.isEmpty() && fixed.isEmpty()
          && addedCases.isEmpty() && removedCases.isEmpty() && newGaps.isEmpty()
          && closedGaps.isEmpty() && rulesAdded.isEmpty() && rulesRemoved.isEmpty()
          && failingDifferently.isEmpty() && newSourceProblems.isEmpty()) {
        sb.append("no change in the results\n");
      }
      return sb.toString();
    }

    private static String indent(String text) {
      return "    " + text.replace("\n", "\n    ");
    }
  }

  private final Path rulesDir;
  private final Path casesDir;
  private Assessor lastGood;
  private boolean lastLoadFailed;
  private Map<String, Boolean> lastResults;
  private Map<String, List<String>> lastFailures = Map.of();
  private Set<String> lastSourceProblems = Set.of();
  private Set<String> lastGaps = Set.of();
  private Set<String> lastRuleIds;
  private int reloads;

  public Watcher(Path rulesDir, Path casesDir) {
    this.rulesDir = rulesDir;
    this.casesDir = casesDir;
  }

  /** Reloads and reruns once, comparing with the previous run. */
  public Report onChange() {
    return onChange(List.of());
  }

  /** As {@link #onChange()}, naming the files whose change triggered it. */
  public Report onChange(Collection<String> changedFiles) {
    int reload = reloads++;
    List<RuleBaseException.Problem> problems = List.of();
    boolean loaded;
    try {
      lastGood = Assessor.fromDirectory(rulesDir);
      loaded = true;
    } catch (RuleBaseException e) {
      problems = ProblemLines.located(e.problems(), rulesDir);
      loaded = false;
    } catch (UncheckedIOException e) {
      // A file removed or half-written in the middle of a save: report it like a broken rule.
      problems = List.of(new RuleBaseException.Problem(rulesDir.toString(), 0, e.getMessage()));
      loaded = false;
    }
    boolean recovered = loaded && lastLoadFailed;
    lastLoadFailed = !loaded;
    List<String> sourceProblems = new ArrayList<>();
    try {
      Lint.sourceProblems(rulesDir).forEach(p -> sourceProblems.add(p.toString()));
    } catch (RuntimeException e) {
      sourceProblems.add(rulesDir + ": the sources cannot be checked: " + e.getMessage());
    }
    List<String> newSourceProblems = difference(sourceProblems, lastSourceProblems);
    lastSourceProblems = new LinkedHashSet<>(sourceProblems);
    if (lastGood == null) {
      return new Report(reload, List.copyOf(changedFiles), false, false, problems, false, 0, 0,
          Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), null, List.of(), sourceProblems, newSourceProblems);
    }

    Set<String> ruleIds = new TreeSet<>();
    lastGood.rules().forEach(r -> ruleIds.add(r.id()));
    List<String> rulesAdded = lastRuleIds == null ? List.of() : difference(ruleIds, lastRuleIds);
    List<String> rulesRemoved = lastRuleIds == null ? List.of() : difference(lastRuleIds, ruleIds);
    lastRuleIds = ruleIds;

    List<CaseResult> results = List.of();
    String casesProblem = null;
    try {
      results = new CaseRunner(lastGood).runAll(casesDir);
    } catch (InvalidInputException e) {
      casesProblem = e.getMessage();
    }
    Map<String, Boolean> now = new LinkedHashMap<>();
    Map<String, List<String>> failing = new LinkedHashMap<>();
    for (CaseResult r : results) {
      now.put(r.name(), r.passed());
      if (!r.passed()) {
        failing.put(r.name(), r.failures());
      }
    }
    Map<String, Boolean> before = lastResults == null ? Map.of() : lastResults;
    List<String> failingDifferently = new ArrayList<>();
    failing.forEach((name, why) -> {
      List<String> previously = lastFailures.get(name);
      if (previously != null && !previously.equals(why)) {
        failingDifferently.add(name);
      }
    });
    lastFailures = failing;
    List<String> newFailures = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : now.entrySet()) {
      Boolean was = before.get(e.getKey());
      if (!e.getValue() && (was == null || was)) {
        newFailures.add(e.getKey());
      } else if (e.getValue() && Boolean.FALSE.equals(was)) {
        fixed.add(e.getKey());
      }
    }
    List<String> added = lastResults == null ? List.of() : difference(now.keySet(), before.keySet());
    List<String> removed = lastResults == null ? List.of() : difference(before.keySet(), now.keySet());
    lastResults = now;

    Set<String> gaps = new LinkedHashSet<>(casesProblem == null
        ? Coverage.of(lastGood, results).gaps() : List.of());
    List<String> newGaps = difference(gaps, lastGaps);
    List<String> closedGaps = difference(lastGaps, gaps);
    lastGaps = gaps;

    return new Report(reload, List.copyOf(changedFiles), loaded, recovered, problems, !loaded,
        lastGood.rules().size(), results.size(), failing, newFailures, fixed, added, removed,
        rulesAdded, rulesRemoved, newGaps, closedGaps, casesProblem, failingDifferently,
        sourceProblems, newSourceProblems);
  }

  private static List<String> difference(Collection<String> a, Collection<String> b) {
    List<String> out = new ArrayList<>();
    for (String s : a) {
      if (!b.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Reports a first run, then watches both directories and reports a reload after every change,
   * once the files have been quiet for {@link #DEBOUNCE_MILLIS}. Returns after
   * {@code maxReloads} reloads (never when negative) or when the thread is interrupted.
   */
  public void watch(Consumer<Report> listener, int maxReloads) throws IOException {
    try (WatchService service = rulesDir.getFileSystem().newWatchService()) {
      Map<WatchKey, Path> keys = new HashMap<>();
      register(service, rulesDir, keys);
      register(service, casesDir, keys);
      listener.accept(onChange());
      int done = 0;
      while (maxReloads < 0 || done < maxReloads) {
        Set<String> changed = new TreeSet<>();
        WatchKey key = service.take();
        handle(service, key, keys, changed);
        // Debounce: one save is several events (and an editor may write a temporary file first).
        while ((key = service.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          handle(service, key, keys, changed);
        }
        if (!changed.isEmpty()) {
          listener.accept(onChange(changed));
          done++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(WatchService service, WatchKey key, Map<WatchKey, Path> keys,
      Set<String> changed) throws IOException {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || dir == null) {
        changed.add("(many files)");
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        register(service, path, keys);
        changed.add(display(path));
      } else if (isKnowledgeFile(path)) {
        changed.add(display(path));
      }
    }
    if (!key.reset()) {
      keys.remove(key);
    }
  }

  // Rule files, the indexes beside them and the cases; not an editor's swap or backup files.
  private static boolean isKnowledgeFile(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml")
        || name.endsWith(".json");
  }

  private String display(Path path) {
    if (path.startsWith(rulesDir)) {
      return rulesDir.getFileName() + "/" + rulesDir.relativize(path).toString().replace('\\', '/');
    }
    if (path.startsWith(casesDir)) {
      return casesDir.getFileName() + "/" + casesDir.relativize(path).toString().replace('\\', '/');
    }
    return path.toString();
  }

  private static void register(WatchService service, Path root, Map<WatchKey, Path> keys)
      throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        keys.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
      }
    }
  }
}
