package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapeReplacesEachHtmlSignificantCharacter() {
        assertEquals("&amp;", Html.escape("&"));
        assertEquals("&lt;", Html.escape("<"));
        assertEquals("&gt;", Html.escape(">"));
        assertEquals("&quot;", Html.escape("\""));
        assertEquals("&#39;", Html.escape("'"));
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"));
    }

    @Test
    void escapeEscapesAnAmpersandOnlyOnce() {
        assertEquals("&amp;amp;", Html.escape("&amp;"));
    }

    @Test
    void escapeLeavesOtherTextAlone() {
        String text = "pkmn_at_abc XYZ 0123 https://x.example/a?b=c#d ü € 用户 \t\n";

        assertEquals(text, Html.escape(text));
        assertEquals("", Html.escape(""));
    }
}
