package org.spinefoot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.ObjectFilter;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.command.CommandFactory;
import org.kie.internal.io.ResourceFactory;
import org.spinefoot.Patient;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.Conclusion;

/**
 * How an embedder would use the same rules with no harness: compile the packaged DRL into a KieBase
 * and run each record through a plain StatelessKieSession, reading back the conclusions. The
 * baseline the harness is compared with on today's rules; it moves with them. The fixed baseline
 * that does not is {@link org.spinefoot.bench.baseline.BaselineRev2}, which compiles and runs its
 * frozen rules with {@link #compile(String)} and {@link #run} below.
 */
public final class NaiveEmbedding {
  private final KieBase kieBase;

  public NaiveEmbedding() {
    this.kieBase = compile("spinefoot/rules");
  }

  /** Assesses one record; returns the conclusions that stand. */
  public Collection<?> assess(Patient patient) {
    return run(kieBase, PatientFacts.packaged().facts(patient), o -> o instanceof Conclusion);
  }

  /**
   * Compiles every DRL file under a class path folder into a KieBase, as an embedder would.
   *
   * @param resourceFolder e.g. {@code spinefoot/rules}
   */
  public static KieBase compile(String resourceFolder) {
    KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
    for (Path drl : ruleFiles(resourceFolder)) {
      try {
        kb.add(
            ResourceFactory.newByteArrayResource(Files.readAllBytes(drl))
                .setSourcePath(drl.toString()),
            ResourceType.DRL);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (kb.hasErrors()) {
      throw new IllegalStateException(kb.getErrors().toString());
    }
    return kb.newKieBase();
  }

  /**
   * One record through a new StatelessKieSession: insert the facts, fire all rules, and read back
   * the facts that stand and are {@code wanted}.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Collection<?> run(KieBase kieBase, List<?> facts, ObjectFilter wanted) {
    StatelessKieSession session = kieBase.newStatelessKieSession();
    List<Command> commands = new ArrayList<>();
    commands.add(CommandFactory.newInsertElements(facts));
    commands.add(CommandFactory.newFireAllRules());
    commands.add(CommandFactory.newGetObjects(wanted, "conclusions"));
    ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
    return (Collection<?>) results.getValue("conclusions");
  }

  private static List<Path> ruleFiles(String resourceFolder) {
    try {
      var url = NaiveEmbedding.class.getClassLoader().getResource(resourceFolder);
      if (url == null) {
        throw new IllegalStateException(resourceFolder + " is not on the class path");
      }
      var uri = url.toURI();
      List<Path> out = new ArrayList<>();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs = FileSystems.newFileSystem(uri, Map.of());
        try (Stream<Path> s = Files.walk(fs.getPath(resourceFolder))) {
          s.filter(p -> p.toString().endsWith(".drl")).forEach(out::add);
        }
      } else {
        try (Stream<Path> s = Files.walk(Path.of(uri))) {
          s.filter(p -> p.toString().endsWith(".drl")).forEach(out::add);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
