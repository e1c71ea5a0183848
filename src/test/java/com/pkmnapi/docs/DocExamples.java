package com.pkmnapi.docs;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of a manual page, as tests.md states the convention: a {@code ```sh} block is a
 * command to run against the default run; a {@code ```text} block right after it (nothing but
 * blank lines between) is what the command prints, and {@code ...} in it stands for any text.
 * Every other block ({@code ```console}, {@code ```nginx}, ...) is not run against the default
 * run. A block whose info string has more words ({@code ```sh wildfly}) belongs to the test of its
 * page, which asks for its blocks by that whole info string; renderers still take the first word
 * as the language.
 */
final class DocExamples {

    private static final Pattern FENCE = Pattern.compile("^```\\s*([^`]*?)\\s*$");
    private static final String ANY = "...";

    /** A command, where it starts in the page, and what the page says it prints, if it says. */
    record Example(int line, String command, Optional<String> expected) {
    }

    private record Block(String info, int firstLine, int lastLine, String content) {
    }

    private DocExamples() {
    }

    /** The examples of the page's text, each with the replacements made (the same in both parts). */
    static List<Example> of(String page, Map<String, String> replacements) {
        return of(page, replacements, "sh");
    }

    /**
     * The examples in the page's blocks of this info string ({@code sh wildfly}: the blocks of
     * ```sh wildfly), each with the text block after it, as for {@code ```sh}.
     */
    static List<Example> of(String page, Map<String, String> replacements, String info) {
        List<Block> blocks = blocks(page);
        String[] lines = page.split("\n", -1);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.info().equals(info)) {
                continue;
            }
            Optional<String> expected = Optional.empty();
            if (i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text")
                    && blankBetween(lines, block.lastLine(), blocks.get(i + 1).firstLine())) {
                expected = Optional.of(replace(blocks.get(i + 1).content(), replacements));
            }
            examples.add(new Example(block.firstLine() + 1, replace(block.content(), replacements), expected));
        }
        return examples;
    }

    private static List<Block> blocks(String page) {
        String[] lines = page.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            StringBuilder content = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].equals("```")) {
                content.append(lines[j]).append('\n');
                j++;
            }
            if (j == lines.length) {
                throw new IllegalArgumentException("The block at line " + (i + 1) + " is never closed");
            }
            blocks.add(new Block(open.group(1), i, j, content.toString()));
            i = j;
        }
        return blocks;
    }

    private static boolean blankBetween(String[] lines, int after, int before) {
        for (int k = after + 1; k < before; k++) {
            if (!lines[k].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String replace(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            result = result.replace(replacement.getKey(), replacement.getValue());
        }
        return result;
    }

    /**
     * What is wrong with the output, measured against what the page shows; empty where nothing is.
     * An answer that starts with a status line ({@code curl -i}): that status line, each header
     * the page lists (other headers may come too), and the body where the page shows one. Any other
     * output: as a whole. A body or output that the page shows as JSON is compared as JSON: the
     * same members, the same values, {@code "..."} for any value.
     */
    static List<String> differences(String expected, String actual) {
        String want = expected.replace("\r", "").strip();
        String got = actual.replace("\r", "").strip();
        List<String> differences = new ArrayList<>();
        if (!want.startsWith("HTTP/")) {
            compareBodies(want, got, differences);
            return differences;
        }
        String[] wantParts = want.split("\n\n", 2);
        String[] gotParts = got.split("\n\n", 2);
        String[] wantHead = wantParts[0].split("\n");
        String[] gotHead = gotParts[0].split("\n");
        if (!matches(wantHead[0], gotHead[0])) {
            differences.add("status line: expected '" + wantHead[0] + "', got '" + gotHead[0] + "'");
        }
        for (int i = 1; i < wantHead.length; i++) {
            String header = wantHead[i];
            String name = header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT) + ":";
            boolean found = false;
            for (int j = 1; j < gotHead.length; j++) {
                if (gotHead[j].toLowerCase(Locale.ROOT).startsWith(name)
                        && matches(header.substring(name.length()).strip(), gotHead[j].substring(name.length()).strip())) {
                    found = true;
                }
            }
            if (!found) {
                differences.add("header '" + header + "' not in the answer");
            }
        }
        if (wantParts.length == 2 && !wantParts[1].isBlank()) {
            compareBodies(wantParts[1].strip(), gotParts.length == 2 ? gotParts[1].strip() : "", differences);
        }
        return differences;
    }

    private static void compareBodies(String want, String got, List<String> differences) {
        if (want.startsWith("{") || want.startsWith("[")) {
            JsonValue wantJson = json(want);
            JsonValue gotJson;
            try {
                gotJson = json(got);
            } catch (JsonParsingException e) {
                differences.add("expected JSON " + want + ", got '" + got + "'");
                return;
            }
            compareJson("$", wantJson, gotJson, differences);
        } else {
            String[] wantLines = want.split("\n");
            String[] gotLines = got.split("\n");
            if (wantLines.length != gotLines.length) {
                differences.add("expected " + wantLines.length + " lines '" + want + "', got '" + got + "'");
                return;
            }
            for (int i = 0; i < wantLines.length; i++) {
                if (!matches(wantLines[i].stripTrailing(), gotLines[i].stripTrailing())) {
                    differences.add("line " + (i + 1) + ": expected '" + wantLines[i] + "', got '" + gotLines[i] + "'");
                }
            }
        }
    }

    private static void compareJson(String path, JsonValue want, JsonValue got, List<String> differences) {
        if (want instanceof JsonString string) {
            if (string.getString().equals(ANY)) {
                return;
            }
            if (!(got instanceof JsonString gotString) || !matches(string.getString(), gotString.getString())) {
                differences.add(path + ": expected " + want + ", got " + got);
            }
        } else if (want instanceof JsonObject object) {
            if (!(got instanceof JsonObject gotObject) || !object.keySet().equals(gotObject.keySet())) {
                differences.add(path + ": expected the members " + object.keySet() + ", got " + got);
                return;
            }
            object.forEach((name, value) -> compareJson(path + "." + name, value, gotObject.get(name), differences));
        } else if (want instanceof JsonArray array) {
            if (!(got instanceof JsonArray gotArray) || array.size() != gotArray.size()) {
                differences.add(path + ": expected " + want + ", got " + got);
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                compareJson(path + "[" + i + "]", array.get(i), gotArray.get(i), differences);
            }
        } else if (!want.equals(got)) {
            differences.add(path + ": expected " + want + ", got " + got);
        }
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** Whether the text is the pattern, where {@code ...} in the pattern stands for any text. */
    static boolean matches(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split(Pattern.quote(ANY), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
