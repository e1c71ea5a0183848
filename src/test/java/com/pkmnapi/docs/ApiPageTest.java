package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pkmnapi.platform.ApiError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The API page's errors table lists every error of the catalogue, and nothing else. */
class ApiPageTest {

    private static final Path PAGE = Path.of(System.getProperty("basedir", "."), "src/site/markdown/api.md");

    @Test
    void theErrorsTableListsEveryStatusAndIdOfTheCatalogue() throws IOException {
        Set<String> catalogue = Arrays.stream(ApiError.values())
                .map(error -> error.status() + " " + error.id())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(catalogue, errorsTable(Files.readString(PAGE)));
    }

    /**
     * The "status id" pairs of the table under "## Errors": a row's status and id cells may hold
     * several, separated by " / ", paired in order.
     */
    static Set<String> errorsTable(String page) {
        String section = page.substring(page.indexOf("\n## Errors\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Set<String> pairs = new TreeSet<>();
        for (String row : section.lines().filter(line -> line.startsWith("| ") && line.endsWith("` |")).toList()) {
            String[] cells = row.split("\\|");
            List<String> statuses = split(cells[cells.length - 2]);
            List<String> ids = split(cells[cells.length - 1].replace("`", ""));
            assertEquals(statuses.size(), ids.size(), "as many statuses as ids in the row " + row);
            for (int i = 0; i < ids.size(); i++) {
                pairs.add(statuses.get(i) + " " + ids.get(i));
            }
        }
        return pairs;
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split("/")).map(String::strip).toList();
    }
}
