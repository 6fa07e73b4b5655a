package io.github.beamcassandra.pipelines.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlexTemplatesTest {
  static Map<String, JsonNode> parameters(ObjectNode metadata) {
    Map<String, JsonNode> byName = new HashMap<>();
    metadata.path("parameters").forEach(p -> byName.put(p.path("name").asText(), p));
    return byName;
  }

  @Test
  void loadParametersComeFromTheOptionsDescriptionsWithDefaults() {
    Map<String, JsonNode> load = parameters(FlexTemplates.all().get("load"));
    assertTrue(load.get("input").path("helpText").asText().startsWith("File, directory or glob to load"));
    assertFalse(load.get("input").path("isOptional").asBoolean());
    assertTrue(load.get("maxErrors").path("isOptional").asBoolean());
    assertTrue(load.get("maxErrors").path("helpText").asText().endsWith("Default: 100."),
        load.get("maxErrors").toString());
    assertTrue(load.containsKey("delimiter") && load.containsKey("contactPoints"));
  }

  @Test
  void secretsAreNotTemplateParameters() {
    for (ObjectNode metadata : FlexTemplates.all().values()) {
      Map<String, JsonNode> p = parameters(metadata);
      assertFalse(p.containsKey("password") || p.containsKey("tlsKeystorePassword"), p.keySet().toString());
      assertTrue(p.containsKey("passwordFile"));
    }
  }

  @Test
  void eachCommandHasItsOwnOptions() {
    assertTrue(parameters(FlexTemplates.all().get("unload")).containsKey("resume"));
    assertFalse(parameters(FlexTemplates.all().get("count")).containsKey("input"));
    assertEquals(3, FlexTemplates.all().size());
  }
}
