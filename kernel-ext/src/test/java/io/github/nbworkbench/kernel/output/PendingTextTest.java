package io.github.nbworkbench.kernel.output;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PendingTextTest {
    @Test
    void aCharacterSplitAcrossWritesIsSentWholeWithTheNextBatch() {
        byte[] text = "a€😀b".getBytes(StandardCharsets.UTF_8);
        PendingText pending = new PendingText();
        StringBuilder sent = new StringBuilder();
        for (int cut : new int[] {2, 3, 5, 6, 8}) {
            int from = sent.toString().getBytes(StandardCharsets.UTF_8).length + pending.size();
            pending.append(text, from, cut - from);
            String batch = pending.take(false);
            assertEquals(-1, batch.indexOf('\uFFFD'), "a broken character in " + Arrays.toString(batch.toCharArray()));
            sent.append(batch);
        }
        pending.append(text, 8, text.length - 8);
        sent.append(pending.take(false));
        assertEquals("a€😀b", sent.toString());
        assertEquals(0, pending.size());
    }

    @Test
    void takingAllSendsEvenAnUnfinishedCharacter() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        PendingText pending = new PendingText();
        pending.append(euro, 0, 2);
        assertEquals("", pending.take(false));
        assertEquals(1, pending.take(true).length());
        assertEquals(0, pending.size());
    }
}
