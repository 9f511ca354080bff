package org.spinefoot.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import org.spinefoot.InvalidInputException;
import org.spinefoot.io.StrictJson;

/**
 * The sources rules may cite, as kept in {@code rules/sources.yaml}: the seed articles with their
 * exact section headings, and the prefixes of guideline citations.
 */
public record SourceIndex(List<Article> articles, List<Guideline> guidelines) {
  /** The file that holds the index, beside the rule files. */
  public static final String FILE = "sources.yaml";

  @JsonCreator
  public SourceIndex(
      @JsonProperty("articles") List<Article> articles,
      @JsonProperty("guidelines") List<Guideline> guidelines) {
    if (articles == null || articles.isEmpty()) {
      throw new IllegalArgumentException("articles: missing; list the seed articles");
    }
    this.articles = List.copyOf(articles);
    this.guidelines = guidelines == null ? List.of() : List.copyOf(guidelines);
  }

  /** A seed article: its file name, title and section headings, exactly as written. */
  public record Article(String file, String title, List<String> sections) {
    @JsonCreator
    public Article(
        @JsonProperty("file") String file,
        @JsonProperty("title") String title,
        @JsonProperty("sections") List<String> sections) {
      if (file == null || title == null || sections == null || sections.isEmpty()) {
        throw new IllegalArgumentException("an article needs file, title and sections");
      }
      this.file = file;
      this.title = title;
      this.sections = List.copyOf(sections);
    }
  }

  /** A kind of guideline citation: the text such a citation starts with. */
  public record Guideline(String prefix, String description) {
    @JsonCreator
    public Guideline(
        @JsonProperty("prefix") String prefix,
        @JsonProperty("description") String description) {
      if (prefix == null || prefix.isBlank()) {
        throw new IllegalArgumentException("a guideline needs a prefix");
      }
      this.prefix = prefix;
      this.description = description == null ? "" : description;
    }
  }

  /** Reads the index; throws {@link InvalidInputException} naming the place when it is not valid. */
  public static SourceIndex parse(String yaml, String source) {
    try {
      SourceIndex index = StrictJson.yaml().readValue(yaml, SourceIndex.class);
      if (index == null) {
        throw new InvalidInputException(source, "", "empty source index", null);
      }
      return index;
    } catch (JsonProcessingException e) {
      throw StrictJson.invalid(source, e);
    }
  }

  public Optional<Article> article(String file) {
    return articles.stream().filter(a -> a.file().equals(file)).findFirst();
  }

  /**
   * What is wrong with one citation, or empty when it names a known article section or a
   * guideline.
   */
  public Optional<String> check(String citation) {
    for (Guideline g : guidelines) {
      if (citation.startsWith(g.prefix())) {
        return citation.length() > g.prefix().length() ? Optional.empty()
            : Optional.of("'" + citation + "' names no guideline after '" + g.prefix() + "'");
      }
    }
    int hash = citation.indexOf('#');
    if (hash < 0) {
      return Optional.of("'" + citation + "' is neither \"<article file>#<section heading>\" nor a "
          + "guideline (starting with " + prefixes() + ")");
    }
    String file = citation.substring(0, hash);
    String heading = citation.substring(hash + 1);
    Optional<Article> article = article(file);
    if (article.isEmpty()) {
      return Optional.of("'" + file + "' is not a known article; known: "
          + String.join(", ", articles.stream().map(Article::file).toList()));
    }
    if (!article.get().sections().contains(heading)) {
      return Optional.of("'" + heading + "' is not a section heading of " + file + " ("
          + article.get().title() + "); its sections: "
          + String.join(" | ", article.get().sections()));
    }
    return Optional.empty();
  }

  private String prefixes() {
    return String.join(", ", guidelines.stream().map(g -> "'" + g.prefix() + "'").toList());
  }
}
