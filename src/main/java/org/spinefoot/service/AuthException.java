package org.spinefoot.service;

/** A request whose bearer token is missing or not trusted: answered 401, never assessed. */
public final class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthException(String message) {
    super(message);
  }

  public AuthException(String message, Throwable cause) {
    super(message, cause);
  }
}
