package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one connection's lines to its {@link ServerSession}, one at a time, and turns each {@link Outcome} into
 * socket operations.
 *
 * <p>A line is handed to the session only after the previous line's stage completed, so replies keep the order of
 * commands; lines arriving meanwhile wait in a queue (reading pauses when it is long). Every field is confined to
 * the channel's event loop: a stage completed on another thread (a clock advance) hops back to it.
 *
 * <p>When the client shuts down its sending side, the lines it sent are still answered, a waiting FETCH included,
 * and then the connection closes: real Faktory reads on until end of stream and closes after the last answer.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {
  /** Queued lines beyond which reading pauses until the session catches up. */
  static final int MAX_QUEUED_LINES = 1024;

  private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

  private final SessionFactory sessions;
  private final int connectionIndex;
  private final Deque<Object> queued = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ServerSession session;
  private boolean awaiting;
  private boolean draining;
  private boolean finished;
  private boolean inputEnded;

  SessionHandler(SessionFactory sessions, int connectionIndex) {
    this.sessions = sessions;
    this.connectionIndex = connectionIndex;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    session = sessions.open(new ChannelConnection(connectionIndex, ctx.channel()));
    ctx.writeAndFlush(ReplyBuffers.toBuffer(ctx.alloc(), session.greeting()));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!finished) {
        queued.add(msg);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
    drain();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finished = true;
    queued.clear();
    if (session != null) {
      session.closed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      inputEnded = true;
      drain();
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Closing connection {} after an error", connectionIndex, cause);
    finish();
  }

  /** Hands queued lines to the session while no stage is pending; re-entrant calls return at once. */
  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!awaiting && !finished && !queued.isEmpty()) {
        dispatch(queued.poll());
      }
    } finally {
      draining = false;
    }
    if (inputEnded && !awaiting && !finished && queued.isEmpty()) {
      finish();
      return;
    }
    ctx.flush();
    ctx.channel().config().setAutoRead(queued.size() < MAX_QUEUED_LINES);
  }

  private void dispatch(Object item) {
    if (item instanceof LineTooLong tooLong) {
      apply(Outcome.sendAndClose(tooLong.reply()));
      return;
    }
    awaiting = true;
    CompletionStage<Outcome> stage = session.handle((String) item);
    if (stage instanceof CompletableFuture<Outcome> future && future.isDone() && !future.isCompletedExceptionally()) {
      complete(future.getNow(null), null); // most commands: answered at once, no callback to allocate
      return;
    }
    stage.whenComplete((outcome, failure) -> onEventLoop(() -> complete(outcome, failure)));
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }

  private void complete(Outcome outcome, Throwable failure) {
    awaiting = false;
    if (finished) {
      return;
    }
    if (failure != null || outcome == null) {
      log.warn("Closing connection {}: the session failed to answer", connectionIndex, failure);
      finish();
      return;
    }
    apply(outcome);
    drain();
  }

  private void apply(Outcome outcome) {
    if (outcome instanceof Outcome.SendRaw raw) {
      ctx.write(Unpooled.wrappedBuffer(raw.bytes()));
    }
    outcome.replies().forEach(reply -> ctx.write(ReplyBuffers.toBuffer(ctx.alloc(), reply)));
    if (outcome.closes()) {
      finish();
    }
  }

  /**
   * Flushes what was written and closes the connection; later lines are ignored. The close waits for the current
   * read to end: closing with input still unread (lines after END) makes the kernel send a reset, which can destroy
   * replies the client has not read yet; real Faktory reads 4 KiB at a time, so a short stream is read whole there.
   */
  private void finish() {
    finished = true;
    queued.clear();
    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> ctx.executor().execute(ctx.channel()::close));
  }
}
