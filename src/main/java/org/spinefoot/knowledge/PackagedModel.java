package org.spinefoot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The packaged rules compiled at build time to Drools' executable model ({@link
 * ExecutableModelGenerator}): the knowledge base is made from Java classes, with no DRL
 * compilation at start.
 */
public final class PackagedModel {
  /** Written by the build beside the model's classes. */
  public static final String INDEX = "spinefoot/executable-model.properties";
  /** The model classes, comma-separated. */
  static final String MODELS = "models";
  /** The {@link RuleFiles.RuleSet#contentHash()} of the rules the model was compiled from. */
  public static final String RULES_HASH = "rules.sha256";
  /** The DRL files it was compiled from, comma-separated, relative to the rules root. */
  static final String RULE_FILES = "files";

  private final List<String> modelClasses;
  private final String rulesHash;
  private final List<String> ruleFiles;
  private final ClassLoader loader;

  private PackagedModel(List<String> modelClasses, String rulesHash, List<String> ruleFiles,
      ClassLoader loader) {
    this.modelClasses = modelClasses;
    this.rulesHash = rulesHash;
    this.ruleFiles = ruleFiles;
    this.loader = loader;
  }

  /** The DRL files the model was compiled from (empty when the index does not say). */
  public List<String> ruleFiles() {
    return ruleFiles;
  }

  /** A model of the given classes, compiled from rules with the given content hash. */
  public static PackagedModel of(List<String> modelClasses, String rulesHash, ClassLoader loader) {
    return new PackagedModel(List.copyOf(modelClasses), rulesHash, List.of(), loader);
  }

  public ClassLoader loader() {
    return loader;
  }

  /** The model packaged on the class path, or null when there is none. */
  public static PackagedModel find(ClassLoader loader) {
    Properties p = new Properties();
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        return null;
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
    String models = p.getProperty(MODELS, "").strip();
    String hash = p.getProperty(RULES_HASH, "").strip();
    if (models.isEmpty() || hash.isEmpty()) {
      return null;
    }
    String files = p.getProperty(RULE_FILES, "").strip();
    return new PackagedModel(List.of(models.split(",")), hash,
        files.isEmpty() ? List.of() : List.of(files.split(",")), loader);
  }

  /** True when the model was compiled from exactly these rules. */
  public boolean compiledFrom(RuleFiles.RuleSet rules) {
    return rulesHash.equals(rules.contentHash());
  }

  /** The {@link RuleFiles.RuleSet#contentHash()} of the rules the model was compiled from. */
  public String rulesHash() {
    return rulesHash;
  }

  /**
   * Starts making the knowledge base on a thread of its own and returns what waits for it: the
   * engine's classes load on one core while the caller reads the knowledge index (Jackson's)
   * on the other, which shortens a cold start on a machine with more than one core.
   */
  public java.util.function.Supplier<KieBase> newKieBaseInBackground() {
    java.util.concurrent.FutureTask<KieBase> task = new java.util.concurrent.FutureTask<>(
        this::newKieBase);
    Thread t = new Thread(task, "spinefoot-load-model");
    t.setDaemon(true);
    t.start();
    return () -> {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading the packaged model", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    };
  }

  KieBase newKieBase() {
    List<Model> models = new ArrayList<>();
    for (String name : modelClasses) {
      try {
        models.add((Model) Class.forName(name.strip(), true, loader)
            .getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException("the packaged executable model is incomplete: cannot "
            + "load " + name + " (rebuild the library)", e);
      }
    }
    // The configuration from drools-core, not KieServices: KieServices lives in the DRL
    // compiler (drools-compiler), which an embedder of the packaged rules need not have.
    return KieBaseBuilder.createKieBaseFromModel(models,
        RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
  }
}
