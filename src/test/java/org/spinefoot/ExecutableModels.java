package org.spinefoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.drools.codegen.common.GeneratedFile;
import org.spinefoot.knowledge.ExecutableModelGenerator;
import org.spinefoot.knowledge.PackagedModel;
import org.spinefoot.knowledge.RuleFiles;

/**
 * Compiles a rule directory to the executable model in a test, the way the build compiles the
 * packaged rules ({@link ExecutableModelGenerator}, then javac), and loads it: so the engine's
 * guards can be tested on the executable-model path with fixture rules.
 */
final class ExecutableModels {
  private ExecutableModels() {}

  static Assessor load(Path rulesDir, Path workDir, int maxFirings, Duration timeBudget) {
    RuleFiles.RuleSet rules = RuleFiles.fromDirectory(rulesDir);
    ExecutableModelGenerator.Generated generated =
        ExecutableModelGenerator.generate(rules, ExecutableModels.class.getClassLoader());
    try {
      Path sources = workDir.resolve("sources");
      Path classes = workDir.resolve("classes");
      Files.createDirectories(classes);
      List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d",
          classes.toString(), "-classpath", System.getProperty("java.class.path")));
      for (GeneratedFile f : generated.files()) {
        Path target = sources.resolve(f.relativePath());
        Files.createDirectories(target.getParent());
        Files.write(target, f.contents());
        args.add(target.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int code = javac.run(null, null, err, args.toArray(String[]::new));
      if (code != 0) {
        throw new IllegalStateException("the generated model does not compile:\n" + err);
      }
      ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
          ExecutableModels.class.getClassLoader());
      return Assessor.fromModel(rules,
          PackagedModel.of(generated.modelClasses(), rules.contentHash(), loader),
          maxFirings, timeBudget);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
