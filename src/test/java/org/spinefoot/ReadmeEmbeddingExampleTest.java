package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding example is the invoker project's Embedding.java, which mvn verify
 * compiles and runs against the installed artifact: the two must not drift apart.
 */
class ReadmeEmbeddingExampleTest {
  @Test
  void theReadmeShowsTheCompiledExampleVerbatim() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String example = Files.readString(
        Path.of("src/it/embedding/src/main/java/example/Embedding.java"));
    int section = readme.indexOf("\n## Embedding\n");
    assertThat(section).as("README has an Embedding section").isNotNegative();
    int start = readme.indexOf("```java\n", section);
    assertThat(start).as("the Embedding section has a Java example").isNotNegative();
    start += "```java\n".length();
    int end = readme.indexOf("```", start);
    assertThat(readme.substring(start, end)).isEqualTo(example);
  }
}
