package org.spinefoot.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.spinefoot.Vocabulary;

class CorpusGeneratorTest {
  private static String corpus(long count, long seed) throws Exception {
    StringWriter out = new StringWriter();
    new CorpusGenerator(Vocabulary.packaged(), seed).write(count, out);
    return out.toString();
  }

  @Test
  void theSameSeedMakesTheSameCorpusAndAnotherSeedAnother() throws Exception {
    assertEquals(corpus(50, 3), corpus(50, 3));
    assertNotEquals(corpus(50, 3), corpus(50, 4));
  }

  @Test
  void writesOneLinePerRecord() throws Exception {
    assertEquals(25, corpus(25, 1).lines().count());
  }
}
