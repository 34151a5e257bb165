package io.github.nbworkbench.kernel.channels;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the frames of one whole multipart message from the shell or control socket into a request,
 * or says why it is not one: no delimiter, a wrong or replayed signature, a header or content that
 * is not the JSON the protocol asks for. The base library's reader read frame by frame up to a
 * delimiter, so a one-frame message swallowed the next client's request, and a malformed message
 * threw out of the channel's thread.
 */
final class RequestDecoder {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** As many as jupyter_client's session remembers. */
    private static final int REMEMBERED_SIGNATURES = 1 << 16;
    private static final Type METADATA = new TypeToken<Map<String, Object>>() { }.getType();

    private final Gson gson = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();
    private final HMACGenerator hmac;
    private final RecentSignatures signatures = new RecentSignatures(REMEMBERED_SIGNATURES);

    RequestDecoder(HMACGenerator hmac) {
        this.hmac = hmac;
    }

    sealed interface Decoded permits Request, Rejected { }

    record Request(Message<?> message) implements Decoded { }

    /**
     * A message that is not a request the kernel can serve.
     *
     * @param sender the sender and header when they are known and the sender may be told (signed,
     *               with a readable header), else null: then the message is dropped
     */
    record Rejected(String reason, MessageContext sender) implements Decoded { }

    Decoded decode(List<byte[]> frames) {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            return new Rejected("not a Jupyter message: " + frames.size() + " frame(s)"
                    + (delimiter < 0 ? " without the <IDS|MSG> delimiter" : " after the delimiter, fewer than 5"), null);
        }
        List<byte[]> identities = frames.subList(0, delimiter);
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null) {
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
                return new Rejected("invalid signature", null);
            }
            if (!signatures.firstTime(signature)) {
                return new Rejected("a replayed signature (the same signed message was received before)", null);
            }
        }
        Header<?> parsedHeader;
        try {
            parsedHeader = header(header);
        } catch (RuntimeException e) {
            return new Rejected("unreadable header: " + e.getMessage(), null);
        }
        MessageContext sender = new Sender(List.copyOf(identities), parsedHeader);
        String type = parsedHeader.getType().getName();
        try {
            Header<?> parentHeader = parentHeader(parent);
            Map<String, Object> meta = gson.fromJson(object(metadata, "metadata"), METADATA);
            object(content, "content");
            // read from the text, not the tree: only the text reader refuses 1.5 for an int
            Object body = gson.fromJson(new String(content, StandardCharsets.UTF_8), parsedHeader.getType().getContentType());
            List<byte[]> buffers = List.copyOf(frames.subList(delimiter + 6, frames.size()));
            return new Request(newMessage(List.copyOf(identities), parsedHeader, parentHeader, meta, body, buffers));
        } catch (RuntimeException e) {
            return new Rejected("the " + type + " is not valid: " + firstLine(e.getMessage()), sender);
        }
    }

    private Header<?> header(byte[] raw) {
        JsonObject json = object(raw, "header");
        for (String field : List.of("msg_id", "msg_type")) {
            JsonElement value = json.get(field);
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("no " + field + " string in " + abbreviate(json.toString()));
            }
        }
        return gson.fromJson(json, Header.class);
    }

    private Header<?> parentHeader(byte[] raw) {
        JsonObject json = object(raw, "parent header");
        return json.isEmpty() ? null : gson.fromJson(json, Header.class);
    }

    private static JsonObject object(byte[] raw, String part) {
        JsonElement json = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
        if (!json.isJsonObject()) {
            throw new IllegalArgumentException("the " + part + " is not a JSON object: " + abbreviate(json.toString()));
        }
        return json.getAsJsonObject();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> newMessage(List<byte[]> identities, Header<?> header, Header<?> parent,
                                         Map<String, Object> metadata, Object content, List<byte[]> buffers) {
        return new Message(identities, header, parent, metadata, content, buffers);
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private record Sender(List<byte[]> identities, Header<?> header) implements MessageContext {
        @Override
        public List<byte[]> getIdentities() {
            return identities;
        }

        @Override
        public Header<?> getHeader() {
            return header;
        }
    }
}
