package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.spinefoot.Answer;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.PatientSession;
import org.spinefoot.Records;
import org.spinefoot.Sign;

/** What an application that depends on spinefoot gets, and that the README's example works. */
class EmbeddingTest {
  /** Jars an application must not receive: logging backends, and the CLI's and service's. */
  private static final List<String> NOT_FOR_EMBEDDERS = List.of(
      "slf4j-simple", "slf4j-reload4j", "slf4j-jdk14", "slf4j-nop", "logback-classic",
      "log4j-slf4j", "picocli", "progressbar", "jline", "nimbus-jose-jwt",
      // The DRL compiler and what it brings: the packaged rules are compiled at build time.
      "drools-compiler", "drools-mvel", "mvel2", "drools-ecj", "ecj");

  @Test
  void theRuntimeClasspathHoldsTheLibraryAndNoBackendOrCommandLineJar() throws Exception {
    String classpath = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    List<String> jars = List.of(classpath.split(java.io.File.pathSeparator));
    List<String> unwanted = new ArrayList<>();
    long bytes = 0;
    for (String jar : jars) {
      String name = Path.of(jar).getFileName().toString();
      NOT_FOR_EMBEDDERS.stream().filter(name::startsWith).forEach(u -> unwanted.add(name));
      bytes += Files.size(Path.of(jar));
    }
    System.out.printf("embedder's runtime classpath: %d jars, %.1f MB%n",
        jars.size(), bytes / 1e6);
    assertTrue(unwanted.isEmpty(), "not for embedders: " + unwanted);
    // The README's figure: the count exactly, the size to the nearest megabyte (a rule edit
    // changes the library's jar by kilobytes, which must not fail a reviewer's build).
    String readme = Files.readString(Path.of(System.getProperty("spinefoot.readme")));
    java.util.regex.Matcher stated = java.util.regex.Pattern.compile(
        "<!-- embedder-classpath[^>]*-->(\\d+) jars, about (\\d+) MB<!--").matcher(readme);
    assertTrue(stated.find(), "README.md states the embedder's classpath");
    String measured = String.format("%d jars, about %d MB", jars.size(), Math.round(bytes / 1e6));
    assertEquals(stated.group(1) + " jars, about " + stated.group(2) + " MB", measured,
        "README.md, section Embedding: write the measured figure between the "
            + "embedder-classpath markers");
    assertTrue(jars.stream().anyMatch(j -> Path.of(j).getFileName().toString()
        .startsWith("spinefoot-")), "the library itself is on the classpath: " + jars);
  }

  @Test
  void onTheModulePathTheLibraryIsTheModuleOrgSpinefoot() throws Exception {
    String classpath = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    Path library = List.of(classpath.split(java.io.File.pathSeparator)).stream().map(Path::of)
        .filter(j -> j.getFileName().toString().startsWith("spinefoot-")).findFirst()
        .orElseThrow();
    // How the module system itself names the jar (its Automatic-Module-Name), not the manifest
    // read by hand.
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.lang.module.ModuleFinder.of(library).findAll()
        .forEach(m -> names.add(m.descriptor().name()));
    assertEquals(java.util.Set.of("org.spinefoot"), names, library.toString());
  }

  @Test
  void noSlf4jProviderIsVisible() throws Exception {
    Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider");
    List<Object> found = new ArrayList<>();
    ServiceLoader.load(provider).forEach(found::add);
    assertTrue(found.isEmpty(), "SLF4J providers the library brought: " + found);
    for (String cliClass : List.of("picocli.CommandLine", "me.tongfei.progressbar.ProgressBar",
        "com.nimbusds.jwt.SignedJWT", "org.slf4j.simple.SimpleLogger",
        // The command line, the service and the reviewer tools are the "tools" jar's.
        "org.spinefoot.cli.Main", "org.spinefoot.service.SpinefootService",
        "org.spinefoot.review.Lint", "org.drools.compiler.builder.impl.KnowledgeBuilderImpl")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(cliClass), cliClass);
    }
  }

  @Test
  void rulesFromAFolderNameTheCompilerArtifactsToAdd() throws Exception {
    Path rules = Path.of(System.getProperty("spinefoot.rules"));
    org.spinefoot.RuleBaseException e = assertThrows(org.spinefoot.RuleBaseException.class,
        () -> Assessor.fromDirectory(rules));
    assertTrue(e.getMessage().contains("drools-compiler"), e.getMessage());
  }

  @Test
  void theReadmeExampleRuns() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Embedding.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    original.print(out);
    assertTrue(out.startsWith("Patient[maria: age=54"), out);
    assertTrue(out.contains("\"patientId\":\"maria\""), out);
    // The packaged knowledge names its version, read from the jar's knowledge.yaml.
    assertTrue(out.contains("\"knowledge\":{\"name\":"), out);
    assertTrue(out.contains("; rules sha256:"), out);
  }

  @Test
  void aSessionTakesOneChangedAnswerAndRecordsAreStrict() {
    Patient p = Records.patientFromJson("{\"id\": \"p1\", \"signs\": {\"fever\": \"no\"}}");
    try (PatientSession session = Assessor.fromClasspath().openSession(p)) {
      session.update(p.with(Sign.of("fever"), Answer.PRESENT));
      assertEquals(Answer.PRESENT, session.patient().answer(Sign.of("fever")));
      assertEquals("p1", session.assessment().patientId());
      assertTrue(Records.toJson(session.assessment()).contains("\"disposition\""));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Records.patientFromJson("{\"id\": \"p1\", \"id\": \"p2\"}"));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
    assertThrows(InvalidInputException.class,
        () -> Records.patientFromJson("{\"signs\": {\"fevr\": \"no\"}}"));
  }
}
