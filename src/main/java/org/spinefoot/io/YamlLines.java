package org.spinefoot.io;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line of each field of a YAML file (a case file, the knowledge's version file), so that a
 * problem found after Jackson bound the file can still say where in it it is. Jackson's tree keeps no positions; SnakeYAML's node graph (the parser under
 * Jackson's YAML reader) does.
 */
public final class YamlLines {
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  /** The composed document, or null when the text is not YAML (its parse error has a line). */
  private final Node root;

  private YamlLines(Node root) {
    this.root = root;
  }

  /**
   * Composes the text (never binds it to Java objects).
   *
   * @param text the YAML text
   * @return its lines; every line is 0 when the text is not YAML
   */
  public static YamlLines of(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(StrictJson.MAX_DOCUMENT_CHARS);
    try {
      return new YamlLines(new Yaml(options).compose(new StringReader(text)));
    } catch (YAMLException e) {
      return new YamlLines(null);
    }
  }

  /**
   * The 1-based line of a field path such as {@code steps[1].expect.present[2]}: of its key, or
   * of the deepest part of the path the file has (a missing key points at its parent); 0 when
   * the file is not YAML.
   *
   * @param path the field path
   * @return the line
   */
  public int lineOf(String path) {
    return find(path).line();
  }

  /**
   * Whether the file has this field path.
   *
   * @param path the field path
   * @return true when every part of the path is in the file
   */
  public boolean has(String path) {
    return find(path).whole();
  }

  private record Found(int line, boolean whole) {}

  private Found find(String path) {
    if (root == null) {
      return new Found(0, false);
    }
    Node node = root;
    int line = root.getStartMark().getLine() + 1;
    Matcher m = STEP.matcher(path == null ? "" : path);
    while (m.find()) {
      if (m.group(1) != null) {
        NodeTuple entry = entry(node, m.group(1));
        if (entry == null) {
          return new Found(line, false);
        }
        line = entry.getKeyNode().getStartMark().getLine() + 1;
        node = entry.getValueNode();
      } else {
        Node next = item(node, m.group(2));
        if (next == null) {
          return new Found(line, false);
        }
        line = next.getStartMark().getLine() + 1;
        node = next;
      }
    }
    return new Found(line, true);
  }

  private static NodeTuple entry(Node node, String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return t;
        }
      }
    }
    return null;
  }

  private static Node item(Node node, String index) {
    if (node instanceof SequenceNode seq) {
      int i = Integer.parseInt(index);
      return i < seq.getValue().size() ? seq.getValue().get(i) : null;
    }
    return null;
  }
}
