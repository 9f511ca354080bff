package org.spinefoot.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drools.codegen.common.GeneratedFile;
import org.drools.codegen.common.context.JavaDroolsModelBuildContext;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.builder.impl.resources.DrlResourceHandler;
import org.drools.compiler.lang.descr.CompositePackageDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.model.codegen.execmodel.PackageModelWriter;
import org.drools.model.codegen.project.CodegenPackageSources;
import org.drools.model.codegen.tool.ExplicitCanonicalModelCompiler;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.conf.AccumulateFunctionOption;
import org.kie.internal.io.ResourceFactory;
import org.spinefoot.Assessor;
import org.spinefoot.RuleBaseException;
import org.spinefoot.Vocabulary;

/**
 * Build-time step (not shipped in the jar): compiles the packaged rules to Drools' executable
 * model, so that {@link Assessor#fromClasspath()} loads Java classes instead of compiling DRL at
 * every start. The build runs it after the engine's classes are compiled (the rules refer to
 * them) and compiles the Java sources it writes with the rest of the project.
 *
 * <p>It first loads the rules exactly as {@link Assessor#fromDirectory} does, so a broken rule
 * file fails the build with the reviewer's message, file and line, and never gets as far as
 * generated code. It records the content hash of what it compiled ({@link
 * RuleFiles.RuleSet#contentHash()}) beside the model, so the library uses the model only for
 * those very rules.
 *
 * <p>Usage: {@code ExecutableModelGenerator RULES_DIR SOURCES_OUT CLASSES_OUT}.
 */
public final class ExecutableModelGenerator {
  private ExecutableModelGenerator() {}

  /** Where the jar carries the JSON Schema of the patient record. */
  public static final String SCHEMA_RESOURCE = "spinefoot/patient.schema.json";

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ExecutableModelGenerator RULES_DIR SOURCES_OUT CLASSES_OUT");
      System.exit(2);
    }
    int code = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), System.err);
    System.exit(code);
  }

  /** Generates the model; 0 when done (or already up to date), 1 when the rules are broken. */
  public static int run(Path rulesDir, Path sourcesOut, Path classesOut, PrintStream err)
      throws IOException {
    RuleFiles.RuleSet ruleSet;
    try {
      ruleSet = RuleFiles.fromDirectory(rulesDir);
    } catch (RuleBaseException e) {
      err.println("spinefoot: the packaged rules cannot be loaded: " + e.getMessage());
      return 1;
    }
    try {
      // The record's JSON Schema, published in the jar beside the rules it was derived from.
      Path schema = classesOut.resolve(SCHEMA_RESOURCE);
      Files.createDirectories(schema.getParent());
      Files.writeString(schema, new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(org.spinefoot.io.PatientSchema.generate(
              Vocabulary.read(ruleSet.vocabulary(), Vocabulary.FILE))) + "\n");
    } catch (RuleBaseException e) {
      err.println("spinefoot: the packaged rules cannot be loaded: " + e.getMessage());
      return 1;
    }
    String hash = ruleSet.contentHash();
    // Generated again, and compiled again, when the rules or the engine's classes change (the
    // model refers to them); otherwise the model of the last build stands.
    String stamp = hash + " " + classesHash(classesOut.resolve("org/spinefoot"));
    Path stampFile = sourcesOut.resolveSibling(sourcesOut.getFileName() + ".stamp");
    Path index = classesOut.resolve(PackagedModel.INDEX);
    if (Files.isRegularFile(index) && Files.isDirectory(sourcesOut)
        && Files.isRegularFile(stampFile) && stamp.equals(Files.readString(stampFile))) {
      return 0;
    }
    try {
      Assessor.fromDirectory(rulesDir); // every check of the DRL path, in the reviewer's words
    } catch (RuleBaseException e) {
      err.println("spinefoot: the packaged rules cannot be loaded: " + e.getMessage());
      return 1;
    }
    Generated generated;
    try {
      generated = generate(ruleSet, ExecutableModelGenerator.class.getClassLoader());
    } catch (IllegalStateException e) {
      err.println("spinefoot: the rules load as DRL, but Drools cannot compile them to its "
          + "executable model (the form the library ships them in): " + e.getMessage());
      return 1;
    }
    // Classes of an earlier model would otherwise stay in the jar beside the new one.
    deleteClasses(classesOut.resolve(RuleBaseBuilder.KNOWLEDGE_BASE_PACKAGE.replace('.', '/')));
    java.util.Set<Path> written = new java.util.HashSet<>();
    for (GeneratedFile f : generated.files()) {
      Path target = sourcesOut.resolve(f.relativePath());
      written.add(target);
      if (!Files.isRegularFile(target) || !java.util.Arrays.equals(Files.readAllBytes(target),
          f.contents())) {
        Files.createDirectories(target.getParent());
        Files.write(target, f.contents());
      }
    }
    deleteAllBut(sourcesOut, written);
    // Written by hand, not Properties.store: no date, so the same rules give the same jar.
    String text = "# Drools executable model of the packaged rules: written by the build\n"
        + PackagedModel.MODELS + "=" + String.join(",", generated.modelClasses()) + "\n"
        + PackagedModel.RULES_HASH + "=" + hash + "\n"
        + PackagedModel.RULE_FILES + "=" + String.join(",",
            ruleSet.drl().stream().map(RuleFiles.RuleFile::path).toList()) + "\n";
    Files.createDirectories(index.getParent());
    Files.writeString(index, text, StandardCharsets.ISO_8859_1);
    Files.writeString(stampFile, stamp);
    return 0;
  }

  private static String classesHash(Path dir) throws IOException {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
          sha.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
          sha.update(Files.readAllBytes(p));
        }
      }
    }
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  /** The Java sources of the model and the names of its {@code Model} classes. */
  public record Generated(List<GeneratedFile> files, List<String> modelClasses) {}

  /**
   * Generates the executable model of a rule set: every file in the one knowledge-base package
   * the DRL path also uses ({@link RuleBaseBuilder#inKnowledgeBasePackage}).
   */
  public static Generated generate(RuleFiles.RuleSet ruleSet, ClassLoader classLoader) {
    KnowledgeBuilderConfigurationImpl conf = KnowledgeBuilderFactory
        .newKnowledgeBuilderConfiguration(classLoader).as(KnowledgeBuilderConfigurationImpl.KEY);
    DrlResourceHandler parser = new DrlResourceHandler(conf);
    Map<String, CompositePackageDescr> packages = new HashMap<>();
    for (RuleFiles.RuleFile f : ruleSet.drl()) {
      Resource r = ResourceFactory.newByteArrayResource(
          RuleBaseBuilder.inKnowledgeBasePackage(f.text()).getBytes(StandardCharsets.UTF_8));
      r.setSourcePath(f.path());
      r.setResourceType(ResourceType.DRL);
      PackageDescr descr;
      try {
        descr = parser.process(r, null);
      } catch (Exception e) {
        throw new IllegalStateException("cannot parse " + f.path() + ": " + e.getMessage(), e);
      }
      if (!parser.getResults().isEmpty()) {
        throw new IllegalStateException("cannot parse " + f.path() + ": " + parser.getResults());
      }
      for (RuleDescr rule : descr.getRules()) {
        typeAccumulateResults(rule.getLhs(), conf);
      }
      packages.computeIfAbsent(descr.getNamespace(), CompositePackageDescr::new)
          .addPackageDescr(r, descr);
    }
    // Named after the rules' content rather than a random UUID (Drools' default for a snapshot),
    // so the same rules give the same classes and the same jar.
    String uuid = ruleSet.contentHash().substring(0, 32);
    packages.values().forEach(p -> p.setPreferredPkgUUID(uuid));
    ExplicitCanonicalModelCompiler<CodegenPackageSources> compiler =
        ExplicitCanonicalModelCompiler.of(packages.values(), conf,
            ((java.util.function.Function<org.drools.model.codegen.execmodel.PackageModel,
                PackageModelWriter>) PackageModelWriter::new)
                .andThen(CodegenPackageSources::dumpSources))
            .setContext(JavaDroolsModelBuildContext.builder().withClassLoader(classLoader).build());
    compiler.process();
    if (compiler.getBuildResults().hasErrors()) {
      StringBuilder sb = new StringBuilder(
          "the executable model cannot be generated from the rules:");
      for (KnowledgeBuilderResult r : compiler.getBuildResults().getResults()) {
        sb.append("\n  ").append(r);
      }
      throw new IllegalStateException(sb.toString());
    }
    List<GeneratedFile> files = new ArrayList<>();
    List<String> models = new ArrayList<>();
    Collection<CodegenPackageSources> sources = compiler.getPackageSources();
    for (CodegenPackageSources s : sources) {
      s.collectGeneratedFiles(files);
      models.add(s.getPackageName() + "." + s.getRulesFileName());
    }
    files.removeIf(f -> !f.relativePath().endsWith(".java"));
    models.sort(null);
    return new Generated(files, models);
  }

  /**
   * Drools 10.2's executable model mistypes a condition on an accumulate's result written in
   * the accumulate itself ({@code accumulate(...; $xs : collectList($x); $xs.size() > 0)}): it
   * takes the result for an Object, and the generated Java does not compile. The result's type
   * is that of the accumulate function ({@code collectList} gives a {@code java.util.List}); the
   * model is made as from {@code $xs : List($xs.size() > 0) from accumulate(..., collectList($x))},
   * which means the same. Only the generated model is changed, not the DRL.
   */
  static void typeAccumulateResults(ConditionalElementDescr parent,
      KnowledgeBuilderConfigurationImpl conf) {
    for (BaseDescr child : parent.getDescrs()) {
      if (child instanceof PatternDescr pattern) {
        if (pattern.getSource() instanceof AccumulateDescr accumulate) {
          for (BaseDescr input : accumulate.getDescrs()) {
            if (input instanceof ConditionalElementDescr nested) {
              typeAccumulateResults(nested, conf);
            }
          }
          if (accumulate.getFunctions().size() == 1 && pattern.getIdentifier() == null
              && accumulate.getFunctions().get(0).getBind() != null
              && !pattern.getDescrs().isEmpty()) {
            AccumulateDescr.AccumulateFunctionCallDescr call = accumulate.getFunctions().get(0);
            var function = conf.getOption(AccumulateFunctionOption.KEY, call.getFunction())
                .getFunction();
            if (function != null && function.getResultType() != null) {
              // $xs : List($xs.size() > 0) from accumulate(..., collectList($x))
              pattern.setObjectType(function.getResultType().getCanonicalName());
              pattern.setIdentifier(call.getBind());
              accumulate.removeFunction(call);
              accumulate.addFunction(call.getFunction(), null, call.isUnification(),
                  call.getParams());
            }
          }
        }
      } else if (child instanceof ConditionalElementDescr nested) {
        typeAccumulateResults(nested, conf);
      }
    }
  }

  private static void deleteClasses(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(x -> x.toString().endsWith(".class")).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Deletes the files under a directory that the generator did not write this time. */
  private static void deleteAllBut(Path dir, java.util.Set<Path> keep) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        if (!keep.contains(p)) {
          Files.delete(p);
        }
      }
    }
  }
}
