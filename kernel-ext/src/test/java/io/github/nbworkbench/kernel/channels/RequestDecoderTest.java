package io.github.nbworkbench.kernel.channels;

import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestDecoderTest {
    private static final String HEADER = "{\"msg_id\": \"m1\", \"username\": \"u\", \"session\": \"s\","
            + " \"date\": \"2026-12-02T16:00:00.000000Z\", \"msg_type\": \"complete_request\", \"version\": \"5.3\"}";

    private final HMACGenerator hmac = hmac();
    private final RequestDecoder decoder = new RequestDecoder(hmac);

    private static HMACGenerator hmac() {
        try {
            return new HMACGenerator("hmac-sha256", "secret");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<byte[]> signed(String header, String content) {
        byte[][] parts = {bytes(header), bytes("{}"), bytes("{}"), bytes(content)};
        List<byte[]> frames = new ArrayList<>(List.of(bytes("client"), bytes("<IDS|MSG>"), bytes(hmac.calculateSignature(parts))));
        frames.addAll(List.of(parts));
        return frames;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedRequestIsDecodedWithItsContent() {
        RequestDecoder.Decoded decoded = decoder.decode(signed(HEADER, "{\"code\": \"Math.ab\", \"cursor_pos\": 7}"));
        RequestDecoder.Request request = assertInstanceOf(RequestDecoder.Request.class, decoded);
        assertEquals(MessageType.COMPLETE_REQUEST, request.message().getHeader().getType());
        assertEquals(7, ((CompleteRequest) request.message().getContent()).getCursorPos());
        assertEquals("client", new String(request.message().getIdentities().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void theSameSignedFramesAreRefusedTheSecondTime() {
        List<byte[]> frames = signed(HEADER, "{\"code\": \"Math.ab\", \"cursor_pos\": 7}");
        assertInstanceOf(RequestDecoder.Request.class, decoder.decode(frames));
        RequestDecoder.Rejected replay = assertInstanceOf(RequestDecoder.Rejected.class, decoder.decode(frames));
        assertTrue(replay.reason().contains("replayed"), replay.reason());
        assertNull(replay.sender());
    }

    @Test
    void aOneFrameMessageIsRejectedOnItsOwn() {
        RequestDecoder.Rejected stray = assertInstanceOf(RequestDecoder.Rejected.class, decoder.decode(List.of(bytes("client"), bytes("hello?"))));
        assertTrue(stray.reason().contains("delimiter"), stray.reason());
    }

    @Test
    void aFractionalCursorIsRejectedWithTheSenderToAnswer() {
        RequestDecoder.Rejected bad = assertInstanceOf(RequestDecoder.Rejected.class,
                decoder.decode(signed(HEADER, "{\"code\": \"Math.ab\", \"cursor_pos\": 1.5}")));
        assertTrue(bad.reason().contains("cursor_pos"), bad.reason());
        assertNotNull(bad.sender());
        assertEquals("m1", bad.sender().getHeader().getId());
    }

    @Test
    void aHeaderWithoutMessageTypeIsRejectedWithoutAnswer() {
        RequestDecoder.Rejected bad = assertInstanceOf(RequestDecoder.Rejected.class,
                decoder.decode(signed(HEADER.replace("\"msg_type\"", "\"type\""), "{}")));
        assertTrue(bad.reason().contains("msg_type"), bad.reason());
        assertNull(bad.sender());
    }
}
