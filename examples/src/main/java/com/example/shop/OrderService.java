package com.example.shop;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import java.time.Instant;

/** Takes orders: a confirmation mail now, a review request later, both as Faktory jobs. */
public final class OrderService {
  private final FaktoryClient faktory;

  /** An order service pushing its jobs through {@code faktory}. */
  public OrderService(FaktoryClient faktory) {
    this.faktory = faktory;
  }

  /** Places order {@code id} for {@code email}: mails it now and asks for a review at {@code reviewAt}. */
  public void placeOrder(String id, String email, Instant reviewAt) {
    faktory.push(Job.builder("SendConfirmation").queue("mail").args(id, email).build());
    faktory.push(Job.builder("AskForReview").queue("mail").args(id).at(reviewAt).build());
  }
}
