package io.tallycast.bus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of every payload: what crosses between JVMs, what the store keeps of an event and what the API
 * shows. Records map field by field (instants as ISO-8601 text, bytes as base64, a seat's status in lower case); the
 * open-ended parts of a payload (a health report's details, an override's audit row) are Vert.x JSON as they are.
 */
public final class Wire {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(vertxJson())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Wire() {
  }

  public static byte[] bytes(Object payload) {
    try {
      return MAPPER.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + payload.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode a " + type.getSimpleName(), e);
    }
  }

  /** The payload as Vert.x JSON: for the API and the live channel, the web edge. */
  public static JsonObject json(Object payload) {
    return new JsonObject(MAPPER.<Map<String, Object>>convertValue(payload, MAPPER.getTypeFactory()
        .constructMapType(Map.class, String.class, Object.class)));
  }

  public static <T> T fromJson(JsonObject json, Class<T> type) {
    return MAPPER.convertValue(json.getMap(), type);
  }

  private static SimpleModule vertxJson() {
    SimpleModule module = new SimpleModule("vertx-json");
    module.addSerializer(JsonObject.class, new JsonSerializer<>() {
      @Override
      public void serialize(JsonObject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeObject(value.getMap());
      }
    });
    module.addSerializer(JsonArray.class, new JsonSerializer<>() {
      @Override
      public void serialize(JsonArray value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeObject(value.getList());
      }
    });
    module.addDeserializer(JsonObject.class, new JsonDeserializer<>() {
      @Override
      @SuppressWarnings("unchecked")
      public JsonObject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new JsonObject(p.readValueAs(Map.class));
      }
    });
    module.addDeserializer(JsonArray.class, new JsonDeserializer<>() {
      @Override
      public JsonArray deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new JsonArray(p.readValueAs(List.class));
      }
    });
    return module;
  }
}
