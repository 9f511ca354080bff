package org.spinefoot.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.spinefoot.Felt;
import org.spinefoot.InvalidInputException;
import org.spinefoot.facts.Answer;
import org.spinefoot.facts.Keys;
import org.spinefoot.facts.Side;
import org.spinefoot.facts.Sign;
import org.spinefoot.facts.Site;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Jackson set-up shared by everything that reads input: strict about unknown fields,
 * duplicate keys, types and enum values, and turning Jackson's errors into {@link
 * InvalidInputException}s that name the file, the field path and the allowed values.
 */
public final class StrictJson {
  /** Largest input document accepted, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 1_000_000;

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML = configure(new YAMLMapper(yamlFactory()));

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

  public static ObjectMapper yaml() {
    return YAML;
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20); // no "billion laughs"
    options.setNestingDepthLimit(50);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(50)
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
    mapper.registerModule(vocabulary());
    mapper.disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS);
    return mapper;
  }

  /** How signs, sites, answers and sides are spelled in files. */
  private static SimpleModule vocabulary() {
    SimpleModule m = new SimpleModule("spinefoot-vocabulary");
    m.addKeyDeserializer(Sign.class, keyDeserializer(Sign.class, "sign"));
    m.addKeyDeserializer(Site.class, keyDeserializer(Site.class, "site"));
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

  private static <E extends Enum<E>> KeyDeserializer keyDeserializer(Class<E> type, String what) {
    return new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
        return Keys.find(type, key)
            .orElseThrow(() -> InvalidFormatException.from(ctxt.getParser(),
                "unknown " + what + " '" + key + "'; allowed: " + Keys.allowed(type), key, type));
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
    if (e instanceof JsonMappingException) {
      JsonMappingException jme = (JsonMappingException) e;
      java.util.List<JsonMappingException.Reference> refs = jme.getPath();
      if (e instanceof UnrecognizedPropertyException && !refs.isEmpty()) {
        refs = refs.subList(0, refs.size() - 1); // the message names the unknown field itself
      }
      path = path(refs);
      detail = detail(jme);
    } else {
      detail = "malformed input: " + e.getOriginalMessage();
    }
    JsonLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0 && path.isEmpty()) {
      detail = detail + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
    return new InvalidInputException(source, path, detail, e);
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
    return ", found" + m.substring(from + 5, end < 0 ? m.length() : end);
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String enumValues(Class<?> type) {
    return Keys.allowed((Class) type);
  }

  private static String known(Collection<Object> ids) {
    return ids == null ? "" : new TreeSet<>(ids.stream().map(String::valueOf).toList())
        .stream().collect(Collectors.joining(", "));
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
