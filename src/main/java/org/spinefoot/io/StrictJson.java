package org.spinefoot.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.Vocabulary;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The Jackson set-up shared by everything that reads input: strict about unknown fields,
 * duplicate keys, types and enum values, and turning Jackson's errors into {@link
 * InvalidInputException}s that name the file, the field path and the allowed values.
 *
 * <p>Input is bounded so that no record can exhaust time or memory: at most {@link
 * #MAX_DOCUMENT_CHARS} characters, {@link #MAX_NESTING_DEPTH} levels of nesting and 20-digit
 * numbers. YAML type tags ({@code !!java.lang.Runtime}), anchors ({@code &a}) and aliases
 * ({@code *a}) are rejected: a patient record or case needs none of them. The YAML reader is
 * Jackson's event parser, which never builds an object from a tag, but it read an alias as the
 * anchor's name and ignored tags, so such input would have been silently misread.
 */
public final class StrictJson {
  /** Largest input document accepted, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 1_000_000;
  /** Deepest nesting of lists and mappings accepted; a patient record needs 2. */
  public static final int MAX_NESTING_DEPTH = 50;

  /** A number as JSON writes it: no leading zeros, no sign but minus, no separators. */
  private static final Pattern DECIMAL_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private static final Pattern FIELD_FIRST =
      Pattern.compile("([A-Za-z]+(?:\\.[A-Za-z]+)?): (.+)", Pattern.DOTALL);

  private static final ObjectMapper JSON =
      configure(JsonMapper.builder().build(), Vocabulary::packaged);
  private static final ObjectMapper YAML =
      configure(new YAMLMapper(yamlFactory()), Vocabulary::packaged);
  /** The mappers of other vocabularies (knowledge bases loaded from a folder): JSON, YAML. */
  private static final Map<Vocabulary, ObjectMapper[]> OTHERS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private StrictJson() {}

  /** The mapper for a file name: YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}. */
  public static ObjectMapper mapperFor(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return YAML;
    }
    if (lower.endsWith(".json") || lower.endsWith(".ndjson")) {
      return JSON;
    }
    throw new InvalidInputException(
        fileName, "", "unknown file type; allowed: .json, .yaml, .yml", null);
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * The mapper for a file name whose records are read in a vocabulary: a key that vocabulary
   * does not define is an error naming the keys it does.
   */
  public static ObjectMapper mapperFor(String fileName, Vocabulary vocabulary) {
    ObjectMapper m = mapperFor(fileName);
    return m == JSON ? json(vocabulary) : yaml(vocabulary);
  }

  /** The JSON mapper for records of a vocabulary. */
  public static ObjectMapper json(Vocabulary vocabulary) {
    return vocabulary == Vocabulary.packaged() ? JSON : others(vocabulary)[0];
  }

  /** The YAML mapper for records of a vocabulary. */
  public static ObjectMapper yaml(Vocabulary vocabulary) {
    return vocabulary == Vocabulary.packaged() ? YAML : others(vocabulary)[1];
  }

  private static ObjectMapper[] others(Vocabulary vocabulary) {
    return OTHERS.computeIfAbsent(vocabulary, v -> new ObjectMapper[] {
        configure(JsonMapper.builder().build(), () -> v),
        configure(new YAMLMapper(yamlFactory()), () -> v)});
  }

  public static ObjectMapper yaml() {
    return YAML;
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20); // no "billion laughs"
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    return new PlainYamlFactory(YAMLFactory.builder().loaderOptions(options)
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS));
  }

  /** Makes {@link PlainYamlParser}s. */
  private static final class PlainYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    PlainYamlFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    private PlainYamlFactory(PlainYamlFactory source) {
      super(source, null);
    }

    @Override
    public YAMLFactory copy() {
      return new PlainYamlFactory(this);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
      return plain(ctxt, _createReader(in, null, ctxt));
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
      return plain(ctxt, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt,
        boolean recyclable) throws IOException {
      return plain(ctxt, new CharArrayReader(data, offset, len));
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
        throws IOException {
      return plain(ctxt, _createReader(data, offset, len, null, ctxt));
    }

    private YAMLParser plain(IOContext ctxt, Reader reader) {
      return new PlainYamlParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          _objectCodec, reader);
    }
  }

  /** A YAML parser that refuses type tags, anchors and aliases where they occur. */
  private static final class PlainYamlParser extends YAMLParser {
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    PlainYamlParser(IOContext ctxt, int parserFeatures, int yamlFeatures, LoaderOptions options,
        ObjectCodec codec, Reader reader) {
      super(ctxt, parserFeatures, yamlFeatures, options, codec, reader);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      Event event = _lastEvent;
      if (event instanceof AliasEvent) {
        throw refused("a YAML alias (*" + ((AliasEvent) event).getAnchor() + ")");
      }
      if (event instanceof NodeEvent && ((NodeEvent) event).getAnchor() != null) {
        throw refused("a YAML anchor (&" + ((NodeEvent) event).getAnchor() + ")");
      }
      String tag = event instanceof ScalarEvent ? ((ScalarEvent) event).getTag()
          : event instanceof CollectionStartEvent ? ((CollectionStartEvent) event).getTag()
          : null;
      if (tag != null) {
        String written = tag.startsWith(YAML_TAG_PREFIX)
            ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
        throw refused("a YAML type tag (" + written + ")");
      }
      return token;
    }

    /**
     * YAML 1.1 reads {@code 064} as octal 52, {@code 0x1F} as 31, {@code 1_0} as 10 and
     * {@code 1:30} as 90: a clinical value would change without a word. Only plain decimal
     * numbers, as JSON writes them, are accepted.
     */
    @Override
    protected JsonToken _decodeNumberScalar(String value, int len) throws IOException {
      if (!DECIMAL_NUMBER.matcher(value).matches()) {
        throw new RefusedYamlException(this, "'" + value + "' is not a plain decimal number "
            + "(YAML may read it as octal, hexadecimal, sexagesimal or with digit separators); "
            + "write it in decimal digits without leading zeros");
      }
      return super._decodeNumberScalar(value, len);
    }

    /**
     * Booleans only as {@code true} and {@code false}: {@code On}, {@code YES}, {@code y} and
     * the like are YAML 1.1 booleans that a reader would not expect; yes and no are read as the
     * words they are (see {@link #ANSWER_VALUES}).
     */
    @Override
    protected Boolean _matchYAMLBoolean(String value, int len) {
      Boolean b = super._matchYAMLBoolean(value, len);
      return b != null && !value.equals("true") && !value.equals("false") ? null : b;
    }

    private RefusedYamlException refused(String what) {
      return new RefusedYamlException(this, what + " is not accepted; records use plain values");
    }
  }

  /** YAML that is well formed but uses a feature records must not use. */
  static final class RefusedYamlException extends JsonParseException {
    private static final long serialVersionUID = 1L;

    RefusedYamlException(JsonParser parser, String message) {
      super(parser, message);
    }
  }

  private static ObjectMapper configure(ObjectMapper mapper,
      java.util.function.Supplier<Vocabulary> vocabulary) {
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .maxStringLength(MAX_DOCUMENT_CHARS)
                .maxNumberLength(20)
                .build());
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature(), false);
    // "68" is not a number and 1 is not "yes": no silent conversion between scalar types.
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper.coercionConfigFor(String.class)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    // What these mappers write, they must read back: null is refused on reading, so a field
    // without a value is left out on writing.
    mapper.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    mapper.registerModule(vocabulary(vocabulary));
    mapper.disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS);
    return mapper;
  }

  /** How signs, sites, answers and sides are spelled in files. */
  private static SimpleModule vocabulary(java.util.function.Supplier<Vocabulary> vocabulary) {
    SimpleModule m = new SimpleModule("spinefoot-vocabulary");
    // The vocabulary is read when the first record is, not when the mapper is made: reading the
    // vocabulary file itself uses these mappers.
    m.addKeyDeserializer(Sign.class, keyDeserializer(() -> vocabulary.get()::findSign,
        () -> vocabulary.get().signs().stream().map(Sign::key).toList(), "sign", Sign.class));
    m.addKeyDeserializer(Site.class, keyDeserializer(() -> vocabulary.get()::findSite,
        () -> vocabulary.get().sites().stream().map(Site::key).toList(), "site", Site.class));
    m.addKeySerializer(Sign.class, keySerializer(Sign::key));
    m.addKeySerializer(Site.class, keySerializer(Site::key));
    m.addDeserializer(Answer.class, new AnswerDeserializer());
    m.addSerializer(Answer.class, new JsonSerializer<>() {
      @Override
      public void serialize(Answer a, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(answerText(a));
      }
    });
    m.addDeserializer(Felt.class, new FeltDeserializer());
    m.addSerializer(Felt.class, new JsonSerializer<>() {
      @Override
      public void serialize(Felt f, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(f.answer() == Answer.PRESENT && f.side() != Side.UNSPECIFIED
            ? f.side().name().toLowerCase(Locale.ROOT) : answerText(f.answer()));
      }
    });
    return m;
  }

  static final String ANSWER_VALUES = "yes, no, unknown (or true, false)";
  static final String FELT_VALUES = "left, right, both, yes (side not recorded), no, unknown";

  static String answerText(Answer a) {
    return a == Answer.PRESENT ? "yes" : a == Answer.ABSENT ? "no" : "unknown";
  }

  private static KeyDeserializer keyDeserializer(
      java.util.function.Supplier<Function<String, java.util.Optional<?>>> lookup,
      java.util.function.Supplier<java.util.List<String>> allowed, String what, Class<?> type) {
    return new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
        java.util.Optional<?> found = lookup.get().apply(key);
        if (found.isEmpty()) {
          throw InvalidFormatException.from(ctxt.getParser(),
              "unknown " + what + " '" + key + "'"
                  + org.spinefoot.engine.Spelling.didYouMean(key, allowed.get()) + "; allowed: "
                  + String.join(", ", allowed.get()), key, type);
        }
        return found.get();
      }
    };
  }

  private static <E> JsonSerializer<E> keySerializer(Function<E, String> key) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(E value, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeFieldName(key.apply(value));
      }
    };
  }

  private static Answer parseAnswer(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Answer.PRESENT;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Answer.ABSENT;
    }
    if (t == JsonToken.VALUE_STRING) {
      switch (p.getText()) {
        case "yes":
          return Answer.PRESENT;
        case "no":
          return Answer.ABSENT;
        case "unknown":
          return Answer.NOT_ASKED;
        default:
          return null;
      }
    }
    return null;
  }

  private static final class AnswerDeserializer extends JsonDeserializer<Answer> {
    @Override
    public Answer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Answer a = parseAnswer(p);
      if (a == null) {
        throw InvalidFormatException.from(p,
            "'" + p.getText() + "' is not an answer; allowed: " + ANSWER_VALUES,
            p.getText(), Answer.class);
      }
      return a;
    }

    @Override
    public Answer getNullValue(DeserializationContext ctxt) {
      return Answer.NOT_ASKED;
    }
  }

  private static final class FeltDeserializer extends JsonDeserializer<Felt> {
    @Override
    public Felt deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Answer a = parseAnswer(p);
      if (a == Answer.PRESENT) {
        return Felt.on(Side.UNSPECIFIED);
      }
      if (a == Answer.ABSENT) {
        return Felt.NO;
      }
      if (a == Answer.NOT_ASKED) {
        return Felt.NOT_ASKED;
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        switch (p.getText()) {
          case "left":
            return Felt.on(Side.LEFT);
          case "right":
            return Felt.on(Side.RIGHT);
          case "both":
            return Felt.on(Side.BOTH);
          default:
            break;
        }
      }
      throw InvalidFormatException.from(p,
          "'" + p.getText() + "' is not a side or answer; allowed: " + FELT_VALUES,
          p.getText(), Felt.class);
    }

    @Override
    public Felt getNullValue(DeserializationContext ctxt) {
      return Felt.NOT_ASKED;
    }
  }

  /**
   * Turns a Jackson failure into an {@link InvalidInputException} naming the source, the field
   * path and what is allowed.
   */
  public static InvalidInputException invalid(String source, JsonProcessingException e) {
    String path = "";
    String detail;
    JsonProcessingException limit = limitProblem(e);
    if (e instanceof JsonMappingException) {
      JsonMappingException jme = (JsonMappingException) e;
      java.util.List<JsonMappingException.Reference> refs = jme.getPath();
      if (e instanceof UnrecognizedPropertyException && !refs.isEmpty()) {
        refs = refs.subList(0, refs.size() - 1); // the message names the unknown field itself
      }
      path = path(refs);
      Matcher fieldFirst = FIELD_FIRST.matcher(
          e instanceof ValueInstantiationException && e.getCause() != null
              ? String.valueOf(e.getCause().getMessage()) : "");
      if (fieldFirst.matches()) {
        // A constructor's check names the field first ("age: 200 is out of range; ...").
        String field = fieldFirst.group(1);
        return new InvalidInputException(source, path.isEmpty() ? field : path + "." + field,
            fieldFirst.group(2), e);
      }
      detail = limit != null ? describeLimit(limit)
          : e.getCause() instanceof InputCoercionException
              ? "number out of range: " + ((InputCoercionException) e.getCause()).getOriginalMessage()
          : e.getCause() instanceof StreamReadException ? malformed(e.getCause()) : detail(jme);
    } else if (limit != null) {
      detail = describeLimit(limit);
    } else {
      detail = malformed(e);
    }
    // Jackson's mapping path stops at a map; the parser knows the entry it was reading.
    String parserPath = parserPath(e);
    if (path.isEmpty() ? !parserPath.isEmpty()
        : parserPath.startsWith(path + ".") || parserPath.startsWith(path + "[")) {
      path = parserPath;
    }
    JsonLocation loc = e.getLocation();
    boolean locatedAlready = detail.endsWith(")") && detail.contains("(line ");
    if (loc != null && loc.getLineNr() > 0 && !locatedAlready
        && (path.isEmpty() || detail.startsWith("malformed"))) {
      detail = detail + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
    return new InvalidInputException(source, path, detail, e);
  }

  /** What is malformed, on one line: SnakeYAML's own messages quote the input over several. */
  private static String malformed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException) {
        MarkedYAMLException y = (MarkedYAMLException) t;
        Mark mark = y.getProblemMark();
        return "malformed input: " + y.getProblem()
            + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column "
                + (mark.getColumn() + 1) + ")");
      }
    }
    String message = e instanceof JsonProcessingException
        ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
    return "malformed input: " + plainWords(message);
  }

  private static final Pattern YAML_EVENT =
      Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event(\\([^)]*\\))?>?");
  private static final Map<String, String> EVENT_WORDS = Map.of(
      "MappingStart", "a mapping", "MappingEnd", "the end of a mapping",
      "SequenceStart", "a list", "SequenceEnd", "the end of a list", "Scalar", "a value",
      "DocumentStart", "a new document", "DocumentEnd", "the end of the document",
      "StreamEnd", "the end of the input", "Alias", "an alias");

  /** The parser's message without its class names ({@code <org.yaml...MappingStartEvent(...)>}). */
  private static String plainWords(String message) {
    if (message == null) {
      return "";
    }
    Matcher m = YAML_EVENT.matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(
          EVENT_WORDS.getOrDefault(m.group(1), "something else")));
    }
    m.appendTail(sb);
    return sb.toString().replaceAll("\\s*\\(token `[^`]*`\\)", "")
        .replaceAll("`?com\\.fasterxml\\.jackson\\.[\\w.$]+`?", "the reader");
  }

  /** A refused YAML feature or an exceeded size limit, wherever Jackson wrapped it. */
  private static JsonProcessingException limitProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RefusedYamlException || t instanceof StreamConstraintsException) {
        return (JsonProcessingException) t;
      }
    }
    return null;
  }

  private static String describeLimit(JsonProcessingException e) {
    if (e instanceof RefusedYamlException) {
      return e.getOriginalMessage();
    }
    // Jackson names its own setting ("from `StreamReadConstraints...`"); the reader needs none.
    return "too large: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
  }

  /** Where the parser was when reading failed, if the failure came from the parser. */
  private static String parserPath(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException
          && ((StreamReadException) t).getProcessor() instanceof JsonParser) {
        return path(((StreamReadException) t).getProcessor().getParsingContext());
      }
    }
    return "";
  }

  /**
   * The place a streaming parser is at: {@code signs.fever}, {@code description[0][0]}; cut
   * short after a few levels, since nesting too deep is itself a possible error.
   */
  public static String path(JsonStreamContext context) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.addFirst("." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (String part : parts) {
      if (shown++ == 6) {
        sb.append("...");
        break;
      }
      sb.append(part);
    }
    return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
  }

  private static String detail(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      return "unknown field '" + u.getPropertyName() + "'; allowed: " + known(u.getKnownPropertyIds());
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }

    if (e instanceof InvalidFormatException && isOurs(((InvalidFormatException) e).getTargetType())) {
      InvalidFormatException f = (InvalidFormatException) e;
      Class<?> target = f.getTargetType();
      if (target.isEnum() && e.getOriginalMessage().startsWith("Cannot deserialize")) {
        // Jackson's own wording names the Java class; say it with the values a file may hold.
        java.util.List<String> allowed = new java.util.ArrayList<>();
        for (Object constant : target.getEnumConstants()) {
          allowed.add(constant.toString());
        }
        String given = String.valueOf(f.getValue());
        java.util.List<String> near = org.spinefoot.engine.Spelling.closest(given, allowed);
        return "'" + given + "' is not allowed; "
            + (near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "? ")
            + "allowed: " + String.join(", ", allowed);
      }
      return e.getOriginalMessage();
    }
    if (e instanceof MismatchedInputException) {
      Class<?> target = ((MismatchedInputException) e).getTargetType();
      if (target != null) {
        return "expected " + describe(target) + describeFound(e);
      }
    }
    return e.getOriginalMessage();
  }

  private static boolean isOurs(Class<?> type) {
    return type == Sign.class || type == Site.class || type == Answer.class || type == Felt.class
        || (type != null && type.isEnum());
  }

  private static String describeFound(JsonMappingException e) {
    String m = e.getOriginalMessage();
    int from = m.indexOf(" from ");
    if (from < 0) {
      return "";
    }
    int end = m.indexOf(':', from);
    // Jackson adds its token's name ("(token `JsonToken.START_ARRAY`)"): the reader needs none.
    String found = m.substring(from + 5, end < 0 ? m.length() : end)
        .replaceAll("\\s*\\(token `[^`]*`\\)", "")
        .replace("Array value", "a list").replace("Object value", "a mapping")
        .replace("String value", "text");
    return ", found" + found;
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping of names to values";
    }
    if (type.isEnum()) {
      return "one of " + enumValues(type);
    }
    return "a mapping of fields";
  }

  private static String enumValues(Class<?> type) {
    return java.util.Arrays.stream(type.getEnumConstants())
        .map(e -> camelCase(((Enum<?>) e).name())).collect(Collectors.joining(", "));
  }

  /** An enum constant's name as files write it: {@code NOT_ASKED} is {@code notAsked}. */
  public static String camelCase(String constantName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : constantName.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String known(Collection<Object> ids) {
    return ids == null ? "" : new TreeSet<>(ids.stream().map(String::valueOf).toList())
        .stream().collect(Collectors.joining(", "));
  }

  static final String NULL_REFUSED =
      "null is not accepted: leave the field out when it was not asked, or give a value";

  /**
   * Refuses a {@code null} anywhere in a record, JSON or YAML ({@code ~}, {@code null}), naming
   * its place: null is not "not asked" (leaving the field out is), and one rule holds in both
   * formats. A token scan before binding: Jackson cannot tell an explicit null from a missing
   * constructor argument.
   */
  public static void refuseNulls(ObjectMapper mapper, String text, String source) {
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_NULL && !p.getParsingContext().inRoot()) {
          throw new InvalidInputException(source, path(p.getParsingContext()), NULL_REFUSED, null);
        }
      }
    } catch (JsonProcessingException e) {
      // malformed: the binding that follows reports it in full
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a string does no I/O
    }
  }

  /** As {@link #refuseNulls(ObjectMapper, String, String)}, over a tree already read. */
  public static void refuseNulls(com.fasterxml.jackson.databind.JsonNode node, String source,
      String path) {
    if (node.isNull()) {
      throw new InvalidInputException(source, path, NULL_REFUSED, null);
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> refuseNulls(e.getValue(), source,
          path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseNulls(node.get(i), source, path + "[" + i + "]");
      }
    }
  }

  /** {@code signs.fever}, {@code steps[2].expect}. */
  static String path(java.util.List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
