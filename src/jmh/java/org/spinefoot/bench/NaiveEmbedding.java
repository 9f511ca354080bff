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
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.command.CommandFactory;
import org.kie.internal.io.ResourceFactory;
import org.spinefoot.Patient;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.Conclusion;

/**
 * How an embedder would use the same rules with no harness: compile the packaged DRL into a
 * KieBase and run each record through a plain StatelessKieSession, reading back the conclusions.
 * The baseline the harness is compared with.
 */
public final class NaiveEmbedding {
  private final KieBase kieBase;

  public NaiveEmbedding() {
    KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
    for (Path drl : packagedRuleFiles()) {
      try {
        kb.add(ResourceFactory.newByteArrayResource(Files.readAllBytes(drl))
            .setSourcePath(drl.toString()), ResourceType.DRL);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (kb.hasErrors()) {
      throw new IllegalStateException(kb.getErrors().toString());
    }
    this.kieBase = kb.newKieBase();
  }

  /** Assesses one record; returns the conclusions that stand. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Collection<?> assess(Patient patient) {
    StatelessKieSession session = kieBase.newStatelessKieSession();
    List<Command> commands = new ArrayList<>();
    commands.add(CommandFactory.newInsertElements(PatientFacts.packaged().facts(patient)));
    commands.add(CommandFactory.newFireAllRules());
    commands.add(CommandFactory.newGetObjects(o -> o instanceof Conclusion, "conclusions"));
    ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
    return (Collection<?>) results.getValue("conclusions");
  }

  private static List<Path> packagedRuleFiles() {
    try {
      var uri = NaiveEmbedding.class.getClassLoader().getResource("spinefoot/rules").toURI();
      List<Path> out = new ArrayList<>();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs = FileSystems.newFileSystem(uri, Map.of());
        try (Stream<Path> s = Files.walk(fs.getPath("spinefoot/rules"))) {
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
