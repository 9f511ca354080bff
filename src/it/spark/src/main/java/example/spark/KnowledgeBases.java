package example.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spinefoot.Assessor;

/**
 * One knowledge base per JVM per location, loaded when a task first needs it: every task an
 * executor runs shares it, since an {@link Assessor} is immutable and thread-safe, and loading
 * one (compiling a rules folder takes seconds) once per partition would cost more than assessing
 * the partition.
 */
public final class KnowledgeBases {
  /** The location that names the rules packaged with the spinefoot library. */
  public static final String PACKAGED = "packaged";

  private static final Map<String, Assessor> LOADED = new ConcurrentHashMap<>();

  private KnowledgeBases() {}

  /**
   * The knowledge base at a location, loaded on first use in this JVM.
   *
   * @param location {@value #PACKAGED} for the packaged rules, or a rules folder readable on
   *     every executor (a path on each node, or one shipped with {@code spark-submit --archives})
   * @return the shared knowledge base
   */
  public static Assessor at(String location) {
    return LOADED.computeIfAbsent(location, KnowledgeBases::load);
  }

  private static Assessor load(String location) {
    return PACKAGED.equals(location)
        ? Assessor.fromClasspath()
        : Assessor.fromDirectory(Path.of(location));
  }
}
