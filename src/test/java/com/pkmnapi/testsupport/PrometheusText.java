package com.pkmnapi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Metrics as Prometheus reads them: the text is parsed by the official Python client's parser
 * (Debian's python3-prometheus-client, through src/test/scripts/prometheus-samples.py), which fails
 * on a line that is not the format. Not a parser of our own.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** One sample: its family and type as the parser names them, its name, labels and value. */
    public record Sample(String family, String type, String name, Map<String, String> labels, double value) {

        public boolean has(String label, String value) {
            return value.equals(labels.get(label));
        }
    }

    public static List<Sample> parse(String text) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(System.getProperty("it.python", "/usr/bin/python3"),
                System.getProperty("it.prometheus.samples", "src/test/scripts/prometheus-samples.py")).start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(python.getErrorStream()));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(python.getInputStream()));
        try (OutputStream in = python.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, python.waitFor(), () -> "the parser refused the text: " + errors.join());
        return Json.createReader(new StringReader(output.join())).readArray().stream()
                .map(JsonValue::asJsonObject)
                .map(PrometheusText::sample)
                .toList();
    }

    private static Sample sample(JsonObject sample) {
        Map<String, String> labels = sample.getJsonObject("labels").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, label -> ((jakarta.json.JsonString) label.getValue()).getString()));
        JsonValue value = sample.get("value");
        double number = value.getValueType() == JsonValue.ValueType.NUMBER
                ? ((jakarta.json.JsonNumber) value).doubleValue()
                : Double.parseDouble(((jakarta.json.JsonString) value).getString());
        return new Sample(sample.getString("family"), sample.getString("type"), sample.getString("name"), labels, number);
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
