package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/** The base library's kernel_info_reply plus the {@code "status": "ok"} that the protocol requires. */
final class KernelInfo extends KernelInfoReply {
    @SuppressWarnings("unused") // serialized into the reply
    private final String status = "ok";

    KernelInfo(String implementation, String version, LanguageInfo language, String banner, List<HelpLink> links) {
        super(Header.PROTOCOL_VERISON, implementation, version, language, banner, links);
    }
}
