package org.wenshi.portal.system;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Lets a request line carry raw UTF-8, as {@code curl 'localhost:8080/api/search?q=政协'} and many
 * Chinese clients send it. Netty reads the request target byte by byte as ISO-8859-1, and Spring's
 * {@code java.net.URI} then rejects the C1 control characters that UTF-8 continuation bytes become,
 * answering a bare 400 before any handler runs. This handler, placed right after Netty's HTTP codec,
 * percent-encodes every byte that a URI may not hold raw (non-ASCII, space, {@code "<>\^`{|}}, and a
 * {@code %} not followed by two hex digits), so the rest of the portal sees a well-formed,
 * UTF-8-percent-encoded URI. It never decodes or otherwise changes a target that is already valid.
 */
@Component
public class RawRequestTargetEncoder implements NettyServerCustomizer {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "wenshi.rawTargetEncoder", Handler.INSTANCE);
            }
        });
    }

    /** Percent-encodes what a URI may not hold raw; returns {@code target} itself when nothing needs it. */
    static String encode(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean raw = c > 0x7E
                    || c <= 0x20
                    || "\"<>\\^`{|}".indexOf(c) >= 0
                    || (c == '%'
                            && !(i + 2 < target.length()
                                    && isHex(target.charAt(i + 1))
                                    && isHex(target.charAt(i + 2))));
            if (raw && out == null) {
                out = new StringBuilder(target.length() + 32).append(target, 0, i);
            }
            if (out != null) {
                if (raw) {
                    int b = c & 0xFF; // Netty stored each byte of the line as one char
                    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? target : out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        static final Handler INSTANCE = new Handler();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                String encoded = encode(request.uri());
                if (!encoded.equals(request.uri())) {
                    request.setUri(encoded);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
