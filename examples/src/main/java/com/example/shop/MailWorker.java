package com.example.shop;

import io.github.faktorytestkit.worker.FaktoryWorker;
import io.github.faktorytestkit.worker.FaktoryWorkerBuilder;

/** The worker side: runs the shop's {@code SendConfirmation} jobs from the {@code mail} queue. */
public final class MailWorker {
  private MailWorker() {
  }

  /** A worker builder for the {@code mail} queue, handing each confirmation to {@code mailer}. */
  public static FaktoryWorkerBuilder builder(Mailer mailer) {
    return FaktoryWorker.builder()
        .queues("mail")
        .handle("SendConfirmation", job -> mailer.sendConfirmation(
            (String) job.args().get(0), (String) job.args().get(1)));
  }
}
