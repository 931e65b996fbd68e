package com.example.shop;

/** Sends mail; tests pass their own. */
@FunctionalInterface
public interface Mailer {
  /** Sends a confirmation of order {@code orderId} to {@code email}. */
  void sendConfirmation(String orderId, String email) throws Exception;
}
