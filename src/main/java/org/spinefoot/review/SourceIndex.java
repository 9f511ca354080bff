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
 * exact section headings, references beyond them (guidelines, pathways, papers) each with an ID,
 * a title and a link, and the prefixes of older free-text guideline citations.
 *
 * <p>A citation is {@code <article file>#<section heading>}, or a reference ID optionally followed
 * by {@code #} and the part meant ({@code NICE-NG59#red flags}), or text starting with a guideline
 * prefix. A rule lists several as separate strings, {@code @source("a", "b")}; inside one string
 * {@code ;} also separates them, so a citation that itself holds a {@code ;} (a journal's
 * volume, say) is cited by its reference ID.
 */
public record SourceIndex(List<Article> articles, List<Reference> references,
    List<Guideline> guidelines) {
  /** The file that holds the index, beside the rule files. */
  public static final String FILE = "sources.yaml";

  @JsonCreator
  public SourceIndex(
      @JsonProperty("articles") List<Article> articles,
      @JsonProperty("references") List<Reference> references,
      @JsonProperty("guidelines") List<Guideline> guidelines) {
    if (articles == null || articles.isEmpty()) {
      throw new IllegalArgumentException("articles: missing; list the seed articles");
    }
    this.articles = List.copyOf(articles);
    this.references = references == null ? List.of() : List.copyOf(references);
    this.guidelines = guidelines == null ? List.of() : List.copyOf(guidelines);
  }

  /** A seed article: its file name, title, section headings exactly as written, and its link. */
  public record Article(String file, String title, List<String> sections, String url) {
    @JsonCreator
    public Article(
        @JsonProperty("file") String file,
        @JsonProperty("title") String title,
        @JsonProperty("sections") List<String> sections,
        @JsonProperty("url") String url) {
      if (file == null || title == null || sections == null || sections.isEmpty()) {
        throw new IllegalArgumentException("an article needs file, title and sections");
      }
      this.file = file;
      this.title = title;
      this.sections = List.copyOf(sections);
      this.url = url;
    }
  }

  /**
   * A source beyond the articles: a guideline, a care pathway or a paper, cited by its ID.
   *
   * @param id how rules cite it, e.g. {@code NICE-NG59}: letters, digits, '-', '_' and '.'
   * @param title its full title (a paper's full citation, semicolons and all)
   * @param url where to read it (a DOI link for a paper)
   */
  public record Reference(String id, String title, String url) {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @JsonCreator
    public Reference(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("url") String url) {
      if (id == null || title == null || url == null) {
        throw new IllegalArgumentException("a reference needs id, title and url");
      }
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("reference id '" + id + "' may hold only letters, "
            + "digits, '-', '_' and '.'");
      }
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new IllegalArgumentException("reference " + id + ": url '" + url
            + "' is not a web address (https://...)");
      }
      this.id = id;
      this.title = title;
      this.url = url;
    }
  }

  /**
   * What a citation points to, for reports and the catalog.
   *
   * @param title the article's or reference's title (the citation itself for a guideline prefix)
   * @param section the section or part cited, or null
   * @param url the link, or null when the index has none
   */
  public record Cited(String title, String section, String url) {}

  /** What the citation points to; empty when it is not valid. */
  public Optional<Cited> resolve(String citation) {
    if (check(citation).isPresent()) {
      return Optional.empty();
    }
    int hash = citation.indexOf('#');
    String head = hash < 0 ? citation : citation.substring(0, hash);
    String part = hash < 0 ? null : citation.substring(hash + 1);
    Optional<Reference> ref = reference(head);
    if (ref.isPresent()) {
      return Optional.of(new Cited(ref.get().title(), part, ref.get().url()));
    }
    Optional<Article> article = article(head);
    if (article.isPresent()) {
      return Optional.of(new Cited(article.get().title(), part, article.get().url()));
    }
    return Optional.of(new Cited(citation, null, null));
  }

  public Optional<Reference> reference(String id) {
    return references.stream().filter(r -> r.id().equals(id)).findFirst();
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
    int at = citation.indexOf('#');
    String head = at < 0 ? citation : citation.substring(0, at);
    if (reference(head).isPresent()) {
      return at >= 0 && citation.substring(at + 1).isBlank()
          ? Optional.of("'" + citation + "' names no part of " + head + " after '#'")
          : Optional.empty();
    }
    for (Guideline g : guidelines) {
      if (citation.startsWith(g.prefix())) {
        return citation.length() > g.prefix().length() ? Optional.empty()
            : Optional.of("'" + citation + "' names no guideline after '" + g.prefix() + "'");
      }
    }
    int hash = citation.indexOf('#');
    List<String> ids = references.stream().map(Reference::id).toList();
    if (hash < 0) {
      return Optional.of("'" + citation + "' is neither \"<article file>#<section heading>\", a "
          + "reference ID from " + FILE + " (" + (ids.isEmpty() ? "none yet" : String.join(", ", ids))
          + ")" + org.spinefoot.engine.Spelling.didYouMean(citation, ids).replace("; did", ", did")
          + " nor a guideline (starting with " + prefixes() + ")");
    }
    String file = citation.substring(0, hash);
    String heading = citation.substring(hash + 1);
    Optional<Article> article = article(file);
    if (article.isEmpty()) {
      List<String> known = new java.util.ArrayList<>(articles.stream().map(Article::file).toList());
      known.addAll(ids);
      String near = org.spinefoot.engine.Spelling.didYouMean(file, known);
      return Optional.of("'" + file + "' is not a known article or reference"
          + (near.isEmpty() ? "; known" : near + " Known") + ": " + String.join(", ", known));
    }
    if (!article.get().sections().contains(heading)) {
      String near = org.spinefoot.engine.Spelling.didYouMean(heading, article.get().sections());
      return Optional.of("'" + heading + "' is not a section heading of " + file + " ("
          + article.get().title() + ")" + (near.isEmpty() ? "; its" : near + " Its")
          + " sections: " + String.join(" | ", article.get().sections()));
    }
    return Optional.empty();
  }

  private String prefixes() {
    return String.join(", ", guidelines.stream().map(g -> "'" + g.prefix() + "'").toList());
  }
}
