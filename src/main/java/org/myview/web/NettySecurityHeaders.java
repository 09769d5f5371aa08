package org.myview.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import jakarta.inject.Singleton;

/**
 * The security headers on answers that never reach {@link SecurityHeadersFilter}: Netty and Micronaut refuse an
 * oversized request line or header block (413/431) before any filter runs (issue 22, item 7). A handler next to
 * the HTTP codec adds the fixed headers to any response that lacks them; responses from the filter already
 * have them and pass unchanged.
 */
@Singleton
class NettySecurityHeaders implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String NAME = "myview-security-headers";
    private static final Handler HANDLER = new Handler();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(NAME) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, NAME, HANDLER);
            }
        }
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && !response.headers().contains("Content-Security-Policy")) {
                HttpHeaders headers = response.headers();
                headers.set("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Cache-Control", "no-store");
            }
            super.write(ctx, msg, promise);
        }
    }
}
